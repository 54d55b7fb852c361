use std::process::ExitCode;

fn main() -> ExitCode {
    byline::main_with_args(std::env::args_os())
}
