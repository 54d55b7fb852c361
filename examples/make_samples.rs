//! Writes the sample annotations in `annotations/` for the example articles:
//! two sample annotators who agree on most claims and differ on a few, so
//! export, review and agree have real data to show.
//!
//!     cargo run --example make_samples
//!
//! Claims are given by their quote; the offsets are computed from the
//! normalised article, so they are right by construction.

use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::article;
use byline_model::{Loc, Para};
use byline_store as store;
use std::path::Path;

use Kind::{Anonymous as A, Editorial as E, Sourced as S};

type Spec = (
    &'static str,
    Kind,
    Option<&'static str>,
    Option<&'static str>,
);

struct Sample {
    file: &'static str,
    outlet: &'static str,
    alex: &'static [Spec],
    sam: &'static [Spec],
}

const SAMPLES: &[Sample] = &[
    Sample {
        file: "harbor-council.txt",
        outlet: "Brennamoor Courier",
        alex: &[
            (
                "Mayor Lucia Ruiz told reporters after the session that the delay was \"a pause, not a retreat.\"",
                S,
                Some("Mayor Lucia Ruiz"),
                None,
            ),
            (
                "She said the council needed more time to review revised flood projections submitted by the port authority last week.",
                S,
                Some("Mayor Lucia Ruiz"),
                None,
            ),
            (
                "Supporters say it would bring as many as 1,200 jobs to a neighborhood that has struggled since the container terminal moved north in 2009.",
                A,
                Some("supporters"),
                Some("who are the supporters? the consortium?"),
            ),
            (
                "\"We have modelled a one-in-two-hundred-year storm surge, and the seawall design holds,\" said Tom Becker, the port authority's chief engineer.",
                S,
                Some("Tom Becker"),
                None,
            ),
            (
                "Councillor Denise Okafor, who chairs the planning committee, said the revised projections arrived too late for members to read them properly.",
                S,
                Some("Denise Okafor"),
                None,
            ),
            (
                "A council aide who asked not to be named because the aide was not authorised to discuss closed meetings said at least four of the nine members had privately signalled they would vote against the plan if it came up on Tuesday.",
                A,
                Some("a council aide"),
                Some("reason for anonymity is given"),
            ),
            (
                "Another person familiar with the discussions said the mayor's office had asked for the postponement to avoid a defeat.",
                A,
                Some("person familiar with the discussions"),
                None,
            ),
            (
                "Its managing director, Priya Natarajan, said in a statement that the company was \"disappointed but patient\" and would continue holding community meetings through April.",
                S,
                Some("Priya Natarajan"),
                None,
            ),
            (
                "Critics have long called the process slow and opaque, and they have a point.",
                E,
                None,
                Some("the writer sides with the critics"),
            ),
            (
                "It is hard to see how another two months of study will settle questions that have been debated for nearly three years.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "Mayor Lucia Ruiz told reporters after the session that the delay was \"a pause, not a retreat.\"",
                S,
                Some("mayor lucia ruiz"),
                None,
            ),
            (
                "Supporters say it would bring as many as 1,200 jobs to a neighborhood that has struggled since the container terminal moved north in 2009.",
                E,
                None,
                Some("unattributed estimate"),
            ),
            (
                "\"We have modelled a one-in-two-hundred-year storm surge, and the seawall design holds,\" said Tom Becker, the port authority's chief engineer.",
                S,
                Some("Tom Becker"),
                None,
            ),
            (
                "A council aide who asked not to be named because the aide was not authorised to discuss closed meetings said at least four of the nine members had privately signalled they would vote against the plan if it came up on Tuesday.",
                A,
                Some("council aide"),
                None,
            ),
            (
                "Another person familiar with the discussions said the mayor's office had asked for the postponement to avoid a defeat.",
                A,
                Some("a person familiar with the discussions"),
                None,
            ),
            (
                "Each postponement has added to the consortium's costs, according to figures released by the city's finance department in January.",
                S,
                Some("city finance department"),
                None,
            ),
            (
                "Critics have long called the process slow and opaque, and they have a point.",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "border-talks.txt",
        outlet: "Northern Ledger",
        alex: &[
            (
                "Talks between Veltria and Osmark over their disputed northern frontier ended in disarray on Friday, in what diplomatic sources described as the worst breakdown in relations in a generation.",
                A,
                Some("diplomatic sources"),
                None,
            ),
            (
                "The collapse is a diplomatic disaster for the Veltrian foreign ministry",
                E,
                None,
                Some("loaded language"),
            ),
            (
                "According to officials familiar with the matter, the Veltrian delegation walked out of the final session after fewer than twenty minutes.",
                A,
                Some("officials familiar with the matter"),
                None,
            ),
            (
                "The duplicity of the ministry has rarely been so plain.",
                E,
                None,
                Some("loaded language"),
            ),
            (
                "while privately, one observer said, it was preparing to reopen every clause.",
                A,
                Some("one observer"),
                None,
            ),
            (
                "Osmark's negotiators reportedly arrived in the lakeside town of Kessvik with a revised map that conceded almost nothing.",
                A,
                Some("reportedly"),
                None,
            ),
            (
                "Sources close to the Osmarki delegation said the map had been approved by the cabinet only hours before the talks began.",
                A,
                Some("sources close to the Osmarki delegation"),
                None,
            ),
            (
                "Analysts note that neither government has much room to manoeuvre.",
                A,
                Some("analysts"),
                None,
            ),
            (
                "Her return home without one amounts to a humiliating climb-down, and critics say her position is now untenable.",
                E,
                None,
                None,
            ),
            (
                "A senior diplomat, speaking on condition of anonymity, said the mood in the room had been \"poisonous from the first handshake.\"",
                A,
                Some("a senior diplomat"),
                None,
            ),
            (
                "Osmark's government, for its part, has offered nothing but evasions.",
                E,
                None,
                None,
            ),
            (
                "What is clear is that two governments have squandered a rare opening.",
                E,
                None,
                None,
            ),
            (
                "The people of the Harrow Valley deserved far better than this shambles.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "Talks between Veltria and Osmark over their disputed northern frontier ended in disarray on Friday, in what diplomatic sources described as the worst breakdown in relations in a generation.",
                A,
                Some("Diplomatic sources"),
                None,
            ),
            (
                "The collapse is a diplomatic disaster for the Veltrian foreign ministry, which had spent months insisting that an agreement was within reach.",
                E,
                None,
                None,
            ),
            (
                "According to officials familiar with the matter, the Veltrian delegation walked out of the final session after fewer than twenty minutes.",
                A,
                Some("officials familiar with the matter"),
                None,
            ),
            (
                "The duplicity of the ministry has rarely been so plain.",
                E,
                None,
                None,
            ),
            (
                "Osmark's negotiators reportedly arrived in the lakeside town of Kessvik with a revised map that conceded almost nothing.",
                A,
                Some("reportedly"),
                None,
            ),
            (
                "Analysts note that neither government has much room to manoeuvre.",
                E,
                None,
                Some("'analysts note' hides the writer's view"),
            ),
            (
                "It is widely believed in the Veltrian capital that the foreign minister staked her reputation on a deal.",
                A,
                Some("it is widely believed"),
                None,
            ),
            (
                "A senior diplomat, speaking on condition of anonymity, said the mood in the room had been \"poisonous from the first handshake.\"",
                A,
                Some("senior diplomat"),
                None,
            ),
            (
                "Its spokesman declined to answer questions on Friday, and a statement issued late in the evening blamed \"external pressures\" without saying what they were.",
                S,
                Some("Osmark government statement"),
                None,
            ),
            (
                "The people of the Harrow Valley deserved far better than this shambles.",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "night-market.md",
        outlet: "Larkspur Weekly",
        alex: &[
            (
                "City figures show it now draws around 6,000 visitors on a typical Friday, and organisers say the number is still climbing.",
                S,
                Some("city figures"),
                None,
            ),
            (
                "\"Half the shops on the lane shut within three years,\" said Gregor Ilves, who chairs the Tannery Lane Traders' Association.",
                S,
                Some("Gregor Ilves"),
                None,
            ),
            (
                "A former city planning officer, who asked not to be identified because she still consults for the council, said the fee increase that ended the market was \"a decision made on a spreadsheet by people who had never walked the lane.\"",
                A,
                Some("a former city planning officer"),
                None,
            ),
            (
                "Councillor Hana Merrow, who sat on the markets committee, said the decision was easier than expected.",
                S,
                Some("Hana Merrow"),
                None,
            ),
            (
                "One resident, who did not want to be named for fear of falling out with neighbours, said the market \"turns the street into a festival every week whether you like it or not.\"",
                A,
                Some("one resident"),
                None,
            ),
            (
                "Property agents in the area reportedly expect commercial rents on the lane to rise sharply when current leases expire, which could push out the very shops the market was meant to support.",
                A,
                Some("property agents"),
                None,
            ),
            (
                "It is, quite simply, the best thing to happen to Larkspur in a decade, and the city would be foolish to let it slip away again.",
                E,
                None,
                Some("closing verdict"),
            ),
        ],
        sam: &[
            (
                "City figures show it now draws around 6,000 visitors on a typical Friday, and organisers say the number is still climbing.",
                S,
                Some("City figures"),
                None,
            ),
            (
                "\"Half the shops on the lane shut within three years,\" said Gregor Ilves, who chairs the Tannery Lane Traders' Association.",
                S,
                Some("Gregor Ilves"),
                None,
            ),
            (
                "A former city planning officer, who asked not to be identified because she still consults for the council, said the fee increase that ended the market was \"a decision made on a spreadsheet by people who had never walked the lane.\"",
                A,
                Some("former planning officer"),
                None,
            ),
            (
                "The new market is smaller than the old one, with 48 licensed stalls, but it is arguably more varied.",
                E,
                None,
                None,
            ),
            (
                "Others privately grumble that the newcomer stall has become a showcase for well-funded restaurant brands rather than genuine first-time traders.",
                A,
                Some("others"),
                None,
            ),
            (
                "It is, quite simply, the best thing to happen to Larkspur in a decade, and the city would be foolish to let it slip away again.",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "tea-festival.txt",
        outlet: "Windmere Post",
        alex: &[
            (
                "WINDMERE — More than 30,000 people attended the three-day Windmere International Tea Festival this weekend, organisers said on Sunday, the largest turnout since the event began in 2011.",
                S,
                Some("organisers"),
                None,
            ),
            (
                "The festival’s director, 陈美玲 (Chen Meiling), said the crowds surprised even her own team.",
                S,
                Some("陈美玲 (Chen Meiling)"),
                None,
            ),
            (
                "急がずに、ゆっくり味わってください。」",
                S,
                Some("佐藤健 (Sato Ken)"),
                Some("second sentence of the quote"),
            ),
            (
                "“People come for the smell and stay for the conversation,” Haddad said.",
                S,
                Some("ليلى حداد (Layla Haddad)"),
                None,
            ),
            (
                "One visitor posted a picture of its tea-infused pastries with the caption “Best matcha of my life 🍵🎉”.",
                A,
                Some("one visitor"),
                None,
            ),
            (
                "A festival volunteer who asked not to be named said the first-aid tent had been understaffed on Saturday, when temperatures reached 31 degrees.",
                A,
                Some("a festival volunteer"),
                None,
            ),
            (
                "Some residents of the streets near the showground reportedly complained about parked cars blocking their driveways.",
                A,
                Some("some residents"),
                None,
            ),
            (
                "It was, by any measure, a triumph for a town that few outside the region had heard of a decade ago — and proof that a good cup of tea can still draw a crowd.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "WINDMERE — More than 30,000 people attended the three-day Windmere International Tea Festival this weekend, organisers said on Sunday, the largest turnout since the event began in 2011.",
                S,
                Some("organisers"),
                None,
            ),
            (
                "“People come for the smell and stay for the conversation,” Haddad said.",
                S,
                Some("Layla Haddad"),
                None,
            ),
            (
                "Another shared a photo of a family picnic on the lawn: “Brought the whole crew 👨‍👩‍👧 and nobody complained about the queue once 👍🏽”.",
                A,
                Some("another visitor"),
                None,
            ),
            (
                "A festival volunteer who asked not to be named said the first-aid tent had been understaffed on Saturday, when temperatures reached 31 degrees.",
                A,
                Some("festival volunteer"),
                None,
            ),
            ("Local businesses appear to have done well.", E, None, None),
            (
                "It was, by any measure, a triumph for a town that few outside the region had heard of a decade ago — and proof that a good cup of tea can still draw a crowd.",
                E,
                None,
                None,
            ),
        ],
    },
    // Written after the lexicons, as held-out articles: the lexicons were
    // not changed after these were annotated (see examples/suggest_eval.rs).
    Sample {
        file: "ferry-fire.txt",
        outlet: "Coastline Wire",
        alex: &[
            (
                "Two crew members were treated for smoke inhalation and released from hospital on Sunday evening, the company said in a statement.",
                S,
                Some("Calder Sound Ferries"),
                None,
            ),
            (
                "The fire started shortly after 9 p.m. on the MV Brenna Light, about four nautical miles out of Port Aldane, according to the Maritime Safety Directorate.",
                S,
                Some("Maritime Safety Directorate"),
                None,
            ),
            (
                "The crew shut down the starboard engine and put the fire out within twenty minutes, the directorate said, and the ship returned to port under its own power.",
                S,
                Some("Maritime Safety Directorate"),
                None,
            ),
            (
                "\"The crew did exactly what they are trained to do,\" said Ingrid Vass, the company's operations director.",
                S,
                Some("Ingrid Vass"),
                None,
            ),
            (
                "Passengers described a frightening hour.",
                A,
                Some("passengers"),
                None,
            ),
            (
                "Omar Keel, a teacher travelling home to Skerrin with his two children, told reporters that smoke had reached the upper lounge before any announcement was made.",
                S,
                Some("Omar Keel"),
                None,
            ),
            (
                "A crew member, who spoke on condition of anonymity because staff have been told not to talk to the press, said the fire alarm in the engine room had been faulty for weeks and had been reported at least twice.",
                A,
                Some("a crew member"),
                Some("reason for anonymity given"),
            ),
            (
                "A spokeswoman, Della Fry, said all alarms on the vessel had passed their last inspection in April.",
                S,
                Some("Della Fry"),
                None,
            ),
            (
                "Union officials have warned for years that the company is running its ships too long between overhauls.",
                A,
                Some("union officials"),
                None,
            ),
            (
                "Harald Moen, regional secretary of the Seafarers' Union, said the fire was \"a warning the company cannot ignore.\"",
                S,
                Some("Harald Moen"),
                None,
            ),
            (
                "The inquiry is expected to take at least six weeks, a directorate official said.",
                A,
                Some("a directorate official"),
                None,
            ),
            (
                "Islanders who rely on the evening sailings to get home from work on the mainland reportedly queued for hours on Monday for places on the last daytime crossing.",
                A,
                Some("reportedly"),
                None,
            ),
            (
                "Skerrin's council leader, Beth Arran, said the suspension would hit shift workers and hospital staff hardest.",
                S,
                Some("Beth Arran"),
                None,
            ),
            (
                "The company said it would lay on extra afternoon sailings and refund tickets for cancelled crossings.",
                S,
                Some("Calder Sound Ferries"),
                None,
            ),
            (
                "Analysts at Strand Capital said in a note to clients that the suspension could cost the company about 300,000 crowns a week.",
                S,
                Some("Strand Capital"),
                None,
            ),
        ],
        sam: &[
            (
                "Two crew members were treated for smoke inhalation and released from hospital on Sunday evening, the company said in a statement.",
                S,
                Some("the company"),
                None,
            ),
            (
                "The fire started shortly after 9 p.m. on the MV Brenna Light, about four nautical miles out of Port Aldane, according to the Maritime Safety Directorate.",
                S,
                Some("Maritime Safety Directorate"),
                None,
            ),
            (
                "\"The crew did exactly what they are trained to do,\" said Ingrid Vass, the company's operations director.",
                S,
                Some("Ingrid Vass"),
                None,
            ),
            (
                "Passengers described a frightening hour.",
                E,
                None,
                Some("'frightening' is the writer's"),
            ),
            (
                "Omar Keel, a teacher travelling home to Skerrin with his two children, told reporters that smoke had reached the upper lounge before any announcement was made.",
                S,
                Some("Omar Keel"),
                None,
            ),
            (
                "\"People were asking each other what was going on, and nobody from the crew came to tell us,\" he said.",
                S,
                Some("Omar Keel"),
                None,
            ),
            (
                "A crew member, who spoke on condition of anonymity because staff have been told not to talk to the press, said the fire alarm in the engine room had been faulty for weeks and had been reported at least twice.",
                A,
                Some("crew member"),
                None,
            ),
            (
                "A spokeswoman, Della Fry, said all alarms on the vessel had passed their last inspection in April.",
                S,
                Some("Della Fry"),
                None,
            ),
            (
                "Union officials have warned for years that the company is running its ships too long between overhauls.",
                A,
                Some("union officials"),
                None,
            ),
            (
                "Harald Moen, regional secretary of the Seafarers' Union, said the fire was \"a warning the company cannot ignore.\"",
                S,
                Some("Harald Moen"),
                None,
            ),
            (
                "The inquiry is expected to take at least six weeks, a directorate official said.",
                A,
                Some("directorate official"),
                None,
            ),
            (
                "Islanders who rely on the evening sailings to get home from work on the mainland reportedly queued for hours on Monday for places on the last daytime crossing.",
                A,
                Some("islanders"),
                None,
            ),
            (
                "Skerrin's council leader, Beth Arran, said the suspension would hit shift workers and hospital staff hardest.",
                S,
                Some("Beth Arran"),
                None,
            ),
            (
                "Analysts at Strand Capital said in a note to clients that the suspension could cost the company about 300,000 crowns a week.",
                S,
                Some("Strand Capital analysts"),
                None,
            ),
        ],
    },
    Sample {
        file: "bike-lanes.txt",
        outlet: "Dunmore Evening Post",
        alex: &[
            (
                "It was a shameful decision, and a cowardly one.",
                E,
                None,
                None,
            ),
            ("badly designed from the start", E, None, None),
            (
                "But those were problems to fix, not reasons to give up.",
                E,
                None,
                None,
            ),
            (
                "The city's own count shows cycling on the avenue has tripled since the lane opened, and not one cyclist has been seriously injured there.",
                S,
                Some("city count"),
                None,
            ),
            (
                "Councillor Pieter Bas, who led the vote, said the lane had \"strangled\" trade on the avenue.",
                S,
                Some("Pieter Bas"),
                None,
            ),
            ("He offered no figures to back that up.", E, None, None),
            (
                "The shopkeepers' association, which campaigned against the lane, says footfall is down, but its own survey covered eleven shops and was carried out in January, when footfall is always down.",
                S,
                Some("shopkeepers' association"),
                None,
            ),
            (
                "What the committee did instead was listen to the loudest voices in the room.",
                E,
                None,
                None,
            ),
            (
                "a handful of angry motorists fill the public benches, and the councillors fold.",
                E,
                None,
                None,
            ),
            (
                "The coroner who examined the last of those deaths wrote that the road was \"designed for speed and nothing else.\"",
                A,
                Some("the coroner"),
                None,
            ),
            (
                "Supporters of the decision say the money saved can go to resurfacing.",
                A,
                Some("supporters of the decision"),
                None,
            ),
            ("That is a fig leaf.", E, None, None),
            (
                "The cost of removing the lane is put at 1.2 million crowns, according to the council's own papers, which is more than it cost to build.",
                S,
                Some("council papers"),
                None,
            ),
            (
                "A city that cannot keep one mile of protected lane in place will never build a network, and without a network, most people will never feel safe enough to cycle.",
                E,
                None,
                None,
            ),
            ("reckless vote", E, None, None),
            (
                "Dunmore deserves a transport policy made with evidence, not one made in a panic.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "It was a shameful decision, and a cowardly one.",
                E,
                None,
                None,
            ),
            ("badly designed from the start", E, None, None),
            (
                "The city's own count shows cycling on the avenue has tripled since the lane opened",
                S,
                Some("the city's count"),
                None,
            ),
            (
                "Councillor Pieter Bas, who led the vote, said the lane had \"strangled\" trade on the avenue.",
                S,
                Some("Councillor Pieter Bas"),
                None,
            ),
            (
                "The shopkeepers' association, which campaigned against the lane, says footfall is down",
                S,
                Some("shopkeepers' association"),
                None,
            ),
            ("listen to the loudest voices in the room", E, None, None),
            ("the councillors fold", E, None, None),
            (
                "The coroner who examined the last of those deaths wrote that the road was \"designed for speed and nothing else.\"",
                S,
                Some("coroner"),
                None,
            ),
            (
                "Supporters of the decision say the money saved can go to resurfacing.",
                A,
                Some("supporters"),
                None,
            ),
            ("That is a fig leaf.", E, None, None),
            (
                "The cost of removing the lane is put at 1.2 million crowns, according to the council's own papers, which is more than it cost to build.",
                S,
                Some("council papers"),
                None,
            ),
            ("this reckless vote", E, None, None),
            (
                "Dunmore deserves a transport policy made with evidence, not one made in a panic.",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "water-levy.md",
        outlet: "Valley Courier",
        alex: &[
            (
                "A group of farmers asked the High Court on Thursday to strike down a water levy that they say was imposed without proper consultation and falls hardest on small holdings.",
                A,
                Some("a group of farmers"),
                None,
            ),
            (
                "The Ostrava Valley Irrigators' Alliance, which represents about 140 farms, argues that the regional water board broke its own rules when it introduced the charge last autumn.",
                S,
                Some("Ostrava Valley Irrigators' Alliance"),
                None,
            ),
            (
                "Counsel for the alliance, Helena Strom, told the court that the board had given farmers only nine days to respond to a 200-page proposal.",
                S,
                Some("Helena Strom"),
                None,
            ),
            (
                "She said the board had also failed to publish the model it used to set the rate, and that the farmers had learned of it only through a freedom-of-information request.",
                S,
                Some("Helena Strom"),
                None,
            ),
            (
                "One, who asked not to be named because he is negotiating a loan with a bank that lends to the board, said outside court that the levy would cost him more than his entire profit last year.",
                A,
                Some("one farmer"),
                None,
            ),
            (
                "The board denies any wrongdoing.",
                S,
                Some("the water board"),
                None,
            ),
            (
                "Its barrister, Julian Marr, said the consultation had met every legal requirement and that the board had extended the deadline once already.",
                S,
                Some("Julian Marr"),
                None,
            ),
            (
                "Marr told the court that the levy was needed to pay for repairs to the Kelsby weir, which engineers have rated as being in poor condition.",
                S,
                Some("Julian Marr"),
                None,
            ),
            (
                "Without the money, he said, the board could not guarantee supply in a dry summer.",
                S,
                Some("Julian Marr"),
                None,
            ),
            (
                "People close to the board say privately that it expected a challenge and set aside money for legal costs months ago.",
                A,
                Some("people close to the board"),
                None,
            ),
            (
                "Justice Amara Linde said she would give her decision in writing, probably before the end of the month.",
                S,
                Some("Justice Amara Linde"),
                None,
            ),
            (
                "If the farmers win, the board may have to refund about 2 million crowns collected so far, according to figures filed with the court.",
                S,
                Some("court filings"),
                None,
            ),
            (
                "Officials at two neighbouring water boards are understood to have paused their own plans until the ruling.",
                A,
                Some("officials at two neighbouring water boards"),
                None,
            ),
        ],
        sam: &[
            (
                "A group of farmers asked the High Court on Thursday to strike down a water levy that they say was imposed without proper consultation and falls hardest on small holdings.",
                S,
                Some("Ostrava Valley Irrigators' Alliance"),
                None,
            ),
            (
                "The Ostrava Valley Irrigators' Alliance, which represents about 140 farms, argues that the regional water board broke its own rules when it introduced the charge last autumn.",
                S,
                Some("Irrigators' Alliance"),
                None,
            ),
            (
                "Counsel for the alliance, Helena Strom, told the court that the board had given farmers only nine days to respond to a 200-page proposal.",
                S,
                Some("Helena Strom"),
                None,
            ),
            (
                "\"Nine days, in the middle of harvest,\" Strom said.",
                S,
                Some("Helena Strom"),
                None,
            ),
            (
                "One, who asked not to be named because he is negotiating a loan with a bank that lends to the board, said outside court that the levy would cost him more than his entire profit last year.",
                A,
                Some("unnamed farmer"),
                None,
            ),
            (
                "Its barrister, Julian Marr, said the consultation had met every legal requirement and that the board had extended the deadline once already.",
                S,
                Some("Julian Marr"),
                None,
            ),
            (
                "which engineers have rated as being in poor condition",
                A,
                Some("engineers"),
                None,
            ),
            (
                "People close to the board say privately that it expected a challenge and set aside money for legal costs months ago.",
                A,
                Some("people close to the board"),
                None,
            ),
            (
                "Justice Amara Linde said she would give her decision in writing, probably before the end of the month.",
                S,
                Some("Amara Linde"),
                None,
            ),
            (
                "If the farmers win, the board may have to refund about 2 million crowns collected so far, according to figures filed with the court.",
                S,
                Some("court filings"),
                None,
            ),
            (
                "Officials at two neighbouring water boards are understood to have paused their own plans until the ruling.",
                A,
                Some("officials at neighbouring boards"),
                None,
            ),
            (
                "The case is being watched closely in other valleys where similar charges have been proposed.",
                E,
                None,
                Some("who is watching?"),
            ),
        ],
    },
    Sample {
        file: "ferry-strike.html",
        outlet: "The Kestrel Valley Ledger",
        alex: &[
            (
                "The operator, Estuary Crossings Ltd, said in a statement that it had offered “a fair and generous package” and was “deeply disappointed” that the union had rejected it without putting it to a ballot.",
                S,
                Some("Estuary Crossings Ltd"),
                None,
            ),
            (
                "Rhian Pugh, the regional organiser for the Maritime and Transport Workers’ Union, told the Ledger that the proposed rotas would mean crews working up to 13 hours on the busiest days.",
                S,
                Some("Rhian Pugh"),
                None,
            ),
            (
                "One passenger, who did not want to give her name, said she had been told by her employer to take unpaid leave if she could not get in.",
                A,
                Some("one passenger"),
                None,
            ),
            (
                "People familiar with the negotiations said the two sides had been close to a deal on pay but had fallen out over how many rest days crews would get in the summer season.",
                A,
                Some("people familiar with the negotiations"),
                Some("which side are they on?"),
            ),
            ("starved of investment", E, None, Some("loaded")),
            (
                "the operator’s claim that its offer was generous is hard to take seriously",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "The operator, Estuary Crossings Ltd, said in a statement that it had offered “a fair and generous package” and was “deeply disappointed” that the union had rejected it without putting it to a ballot.",
                S,
                Some("Estuary Crossings Ltd"),
                None,
            ),
            (
                "People familiar with the negotiations said the two sides had been close to a deal on pay but had fallen out over how many rest days crews would get in the summer season.",
                A,
                Some("people familiar"),
                None,
            ),
            (
                "The strike is the latest blow to a crossing that has been starved of investment for a decade, and the operator’s claim that its offer was generous is hard to take seriously when it has not replaced a vessel since 2011.",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "branch-libraries.htm",
        outlet: "Northfield Evening Post",
        alex: &[
            (
                "Councillor Priya Desai, the cabinet member for communities, said the change was “the least painful option on a very short list” and that no library would close for good.",
                S,
                Some("Priya Desai"),
                None,
            ),
            (
                "Dawn Okonjo, who chairs the Friends of Holme Lane Library, said weekends were when families and working people used the branches most.",
                S,
                Some("Dawn Okonjo"),
                None,
            ),
            (
                "A senior officer who spoke on condition of anonymity said the savings figure assumed that volunteers would staff the longer evening hours, something the report does not spell out.",
                A,
                Some("a senior officer"),
                Some("reason for anonymity not given"),
            ),
            (
                "It is a familiar trick: announce a cut as a reorganisation, and hope nobody reads page 14.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "Councillor Priya Desai, the cabinet member for communities, said the change was “the least painful option on a very short list” and that no library would close for good.",
                S,
                Some("Priya Desai"),
                None,
            ),
            (
                "A senior officer who spoke on condition of anonymity said the savings figure assumed that volunteers would staff the longer evening hours, something the report does not spell out.",
                A,
                Some("senior officer"),
                None,
            ),
            ("It is a familiar trick", E, None, None),
        ],
    },
    Sample {
        file: "water-rates.html",
        outlet: "Coastline Weekly",
        alex: &[
            (
                "In a notice to customers, the company said the rise was “necessary to keep the dam safe for the next fifty years” and that bills would still be below the national average.",
                S,
                Some("Saltmarsh Water"),
                None,
            ),
            (
                "Industry sources said the regulator had been warned about the overrun in the spring but had not made it public.",
                A,
                Some("industry sources"),
                None,
            ),
            (
                "the company’s shareholders have yet to give up a penny of their dividend",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "Industry sources said the regulator had been warned about the overrun in the spring but had not made it public.",
                A,
                Some("industry sources"),
                None,
            ),
            (
                "The increase will land on families already squeezed by a second winter of high energy prices, and the company’s shareholders have yet to give up a penny of their dividend.",
                E,
                None,
                Some("the whole sentence takes a side"),
            ),
        ],
    },
    Sample {
        file: "rail-contract.txt",
        outlet: "Halden Wire",
        alex: &[
            (
                "The government of Kestravia has postponed the award of a 4.2 billion florin contract to build the Marrowgate high-speed line, Transport Minister Ilse Varga said on Thursday, after one of the two shortlisted consortia challenged the scoring of its bid.",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "Varga told a news conference in the capital that the ministry would appoint an independent panel to re-examine both offers.",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "\"We would rather take six more weeks than spend the next six years in court,\" Varga said. \"The people of the eastern provinces have waited long enough for this railway. They can wait a little longer for it to be done properly.\"",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "She said the ministry had received legal advice that the objection had \"at least some merit\" and that pressing ahead would expose the state to damages.",
                S,
                Some("Ilse Varga"),
                Some("she = Varga, from the paragraphs above"),
            ),
            (
                "According to documents seen by Halden Wire, the ministry's evaluation committee ranked Alvane first on price but Trennor first on technical merit, and the two overall scores were separated by less than one point out of a hundred.",
                A,
                Some("documents seen by Halden Wire"),
                Some("documents not identified"),
            ),
            (
                "Trennor filed a formal objection on Monday, arguing that the committee had applied the wrong weighting to its safety plan, a company filing shows.",
                S,
                Some("Trennor filing"),
                None,
            ),
            (
                "\"We are confident that a fair reading of the tender rules puts our bid ahead,\" said Pavel Ostrander, Trennor's chief executive.",
                S,
                Some("Pavel Ostrander"),
                None,
            ),
            (
                "Mireille Danton, a spokeswoman for the consortium, said only that it \"continues to engage constructively with the ministry.\"",
                S,
                Some("Mireille Danton"),
                None,
            ),
            (
                "Two officials at the transport ministry said the delay had been pushed by the finance ministry, which is worried that the cheaper Alvane bid relies on loan guarantees from Orvia that could be withdrawn.",
                A,
                Some("two transport ministry officials"),
                None,
            ),
            (
                "One of the officials said Finance Minister Tomas Hegel had raised the matter directly with the prime minister last week.",
                A,
                Some("one of the two officials"),
                None,
            ),
            (
                "He added that the government's fiscal rules applied to every infrastructure project \"without exception.\"",
                S,
                Some("Daniel Reyes"),
                None,
            ),
            (
                "The line would cut the journey between Kestravia City and Marrowgate from four hours to about ninety minutes, according to the ministry's business case, published in 2022.",
                S,
                Some("ministry business case"),
                None,
            ),
            (
                "The National Audit Office warned in a report last year that the business case assumed passenger numbers roughly a third higher than those on comparable lines abroad.",
                S,
                Some("National Audit Office"),
                None,
            ),
            (
                "People familiar with the tender said Trennor had hired a former deputy transport minister as an adviser in January.",
                A,
                Some("people familiar with the tender"),
                None,
            ),
            (
                "A senior executive at one of Alvane's subcontractors, who asked not to be named because the talks are confidential, said the consortium had already begun ordering steel in anticipation of winning and would face penalties if the award slipped beyond the summer.",
                A,
                Some("senior executive at an Alvane subcontractor"),
                Some("reason for anonymity is given"),
            ),
            (
                "Analysts said the delay was unlikely to change the outcome but would add to the cost.",
                A,
                Some("analysts"),
                Some("Lindqvist is one of them?"),
            ),
            (
                "\"Every month of delay on a project like this is worth tens of millions in inflation alone,\" said Hanna Lindqvist, a transport economist at the Brenholt Institute.",
                S,
                Some("Hanna Lindqvist"),
                None,
            ),
            (
                "Lindqvist added that the government had little room to raise the budget before the election in October.",
                S,
                Some("Hanna Lindqvist"),
                None,
            ),
            (
                "Critics of the project, including the opposition Green Union, say the money would be better spent on upgrading existing regional lines.",
                A,
                Some("critics"),
                Some("only the Green Union is named"),
            ),
            (
                "\"This is a vanity railway,\" said Arno Petit, a Green Union member of parliament.",
                S,
                Some("Arno Petit"),
                None,
            ),
            (
                "He said his party would ask the transport committee to summon Varga next week.",
                S,
                Some("Arno Petit"),
                None,
            ),
            (
                "The ministry is understood to have asked both bidders to hold their prices until the end of June.",
                A,
                Some("unnamed"),
                Some("\"is understood\": no source at all"),
            ),
            (
                "Alvane is reportedly prepared to do so",
                A,
                Some("reportedly"),
                None,
            ),
            (
                "Varga said the panel would be chaired by a retired judge, whom she did not name.",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "The ministry will publish the panel's terms of reference by Friday, her office said in a statement.",
                S,
                Some("Varga's office"),
                None,
            ),
        ],
        sam: &[
            (
                "The government of Kestravia has postponed the award of a 4.2 billion florin contract to build the Marrowgate high-speed line, Transport Minister Ilse Varga said on Thursday, after one of the two shortlisted consortia challenged the scoring of its bid.",
                S,
                Some("Transport Minister Ilse Varga"),
                None,
            ),
            (
                "Varga told a news conference in the capital that the ministry would appoint an independent panel to re-examine both offers.",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "\"We would rather take six more weeks than spend the next six years in court,\" Varga said. \"The people of the eastern provinces have waited long enough for this railway. They can wait a little longer for it to be done properly.\"",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "She said the ministry had received legal advice that the objection had \"at least some merit\" and that pressing ahead would expose the state to damages.",
                S,
                Some("Varga"),
                None,
            ),
            (
                "According to documents seen by Halden Wire, the ministry's evaluation committee ranked Alvane first on price but Trennor first on technical merit, and the two overall scores were separated by less than one point out of a hundred.",
                S,
                Some("ministry evaluation documents"),
                None,
            ),
            (
                "Trennor filed a formal objection on Monday, arguing that the committee had applied the wrong weighting to its safety plan, a company filing shows.",
                S,
                Some("Trennor Group"),
                None,
            ),
            (
                "\"We are confident that a fair reading of the tender rules puts our bid ahead,\" said Pavel Ostrander, Trennor's chief executive.",
                S,
                Some("Pavel Ostrander"),
                None,
            ),
            (
                "Mireille Danton, a spokeswoman for the consortium, said only that it \"continues to engage constructively with the ministry.\"",
                S,
                Some("Mireille Danton, Alvane"),
                None,
            ),
            (
                "Two officials at the transport ministry said the delay had been pushed by the finance ministry, which is worried that the cheaper Alvane bid relies on loan guarantees from Orvia that could be withdrawn.",
                A,
                Some("two officials at the transport ministry"),
                None,
            ),
            (
                "One of the officials said Finance Minister Tomas Hegel had raised the matter directly with the prime minister last week.",
                A,
                Some("one official"),
                None,
            ),
            (
                "He added that the government's fiscal rules applied to every infrastructure project \"without exception.\"",
                S,
                Some("Daniel Reyes"),
                None,
            ),
            (
                "The line would cut the journey between Kestravia City and Marrowgate from four hours to about ninety minutes, according to the ministry's business case, published in 2022.",
                S,
                Some("the ministry's business case"),
                None,
            ),
            (
                "The National Audit Office warned in a report last year that the business case assumed passenger numbers roughly a third higher than those on comparable lines abroad.",
                S,
                Some("National Audit Office"),
                None,
            ),
            (
                "People familiar with the tender said Trennor had hired a former deputy transport minister as an adviser in January.",
                A,
                Some("people familiar with the tender"),
                None,
            ),
            (
                "Asked about it, Ostrander said he would not discuss \"staffing matters.\"",
                S,
                Some("Pavel Ostrander"),
                Some("a non-answer, but on the record"),
            ),
            (
                "A senior executive at one of Alvane's subcontractors, who asked not to be named because the talks are confidential, said the consortium had already begun ordering steel in anticipation of winning and would face penalties if the award slipped beyond the summer.",
                A,
                Some("senior subcontractor executive"),
                None,
            ),
            (
                "Analysts said the delay was unlikely to change the outcome but would add to the cost.",
                A,
                Some("analysts"),
                None,
            ),
            (
                "\"Every month of delay on a project like this is worth tens of millions in inflation alone,\" said Hanna Lindqvist, a transport economist at the Brenholt Institute.",
                S,
                Some("Hanna Lindqvist"),
                None,
            ),
            (
                "Critics of the project, including the opposition Green Union, say the money would be better spent on upgrading existing regional lines.",
                S,
                Some("Green Union"),
                None,
            ),
            (
                "\"This is a vanity railway,\" said Arno Petit, a Green Union member of parliament.",
                S,
                Some("Arno Petit"),
                None,
            ),
            (
                "He said his party would ask the transport committee to summon Varga next week.",
                S,
                Some("Arno Petit"),
                None,
            ),
            (
                "The ministry is understood to have asked both bidders to hold their prices until the end of June.",
                A,
                None,
                Some("who understands this?"),
            ),
            (
                "Alvane is reportedly prepared to do so",
                A,
                Some("reportedly"),
                None,
            ),
            (
                "Varga said the panel would be chaired by a retired judge, whom she did not name.",
                S,
                Some("Ilse Varga"),
                None,
            ),
            (
                "The ministry will publish the panel's terms of reference by Friday, her office said in a statement.",
                S,
                Some("Varga's office"),
                None,
            ),
        ],
    },
    Sample {
        file: "housing-column.md",
        outlet: "The Wexmoor Standard",
        alex: &[
            ("with all the fanfare of a product launch", E, None, None),
            (
                "that would look at home on a bag of fertiliser",
                E,
                None,
                Some("sarcasm"),
            ),
            (
                "Strip away the gloss and what is left is thin.",
                E,
                None,
                None,
            ),
            (
                "The strategy promises 3,000 new homes by 2030, but only 450 of them would be classed as affordable, according to the council's own appendix.",
                S,
                Some("council strategy appendix"),
                None,
            ),
            (
                "That is fewer affordable homes than the city built in the five years before the last strategy, which also promised to be transformative.",
                E,
                None,
                Some("unsourced comparison, and a dig"),
            ),
            (
                "The Wexmoor Tenants' Federation says 6,800 households are now registered for social housing, up from 4,900 in 2021.",
                S,
                Some("Wexmoor Tenants' Federation"),
                None,
            ),
            (
                "Behind each of those numbers is a family sleeping in a relative's box room, or handing two-thirds of its income to a landlord who will not fix the damp.",
                E,
                None,
                None,
            ),
            (
                "Councillor Graham Pell, who leads on housing, told the planning committee that the market \"will deliver once we get out of its way.\"",
                S,
                Some("Graham Pell"),
                None,
            ),
            ("It is a touching faith.", E, None, Some("sarcasm")),
            (
                "The market has had the run of Wexmoor's riverside for a decade, and what it has delivered is luxury flats with concierge desks and not one family-sized social home.",
                E,
                None,
                None,
            ),
            (
                "The developers are hardly hiding their intentions.",
                E,
                None,
                None,
            ),
            (
                "At a property conference in March, the chief executive of Calloway Homes, Rupert Sayle, said the company would \"prioritise sites with the strongest sales values.\"",
                S,
                Some("Rupert Sayle"),
                None,
            ),
            ("It should not be the council's strategy.", E, None, None),
            (
                "Neighbouring Holtbridge has built more than 900 council homes since 2018 by borrowing against its own land, according to the regional housing agency.",
                S,
                Some("regional housing agency"),
                None,
            ),
            ("It is simply braver.", E, None, None),
            (
                "First, the council should set a binding target: at least a third of every new development must be genuinely affordable, with no escape hatch for \"viability\" studies written by the developers' own consultants.",
                E,
                None,
                None,
            ),
            (
                "Second, it should stop selling public land to the highest bidder and start building on it.",
                E,
                None,
                None,
            ),
            ("who is gaming the system", E, None, None),
            (
                "before housing became a casino with a waiting list",
                E,
                None,
                None,
            ),
            (
                "Pell will say the money is not there.",
                E,
                None,
                Some("the writer puts words in Pell's mouth"),
            ),
            ("without blinking", E, None, None),
            (
                "the city treasurer told councillors in January that borrowing costs had fallen to their lowest level since 2021",
                S,
                Some("city treasurer"),
                None,
            ),
            (
                "It cost 38,000 pounds, according to a freedom-of-information reply published by the Tenants' Federation.",
                S,
                Some("FOI reply (Tenants' Federation)"),
                None,
            ),
            ("Money well spent, no doubt.", E, None, Some("sarcasm")),
            ("Residents deserve better than a brochure.", E, None, None),
            (
                "They deserve a council with the nerve to build.",
                E,
                None,
                None,
            ),
            (
                "If Room to Grow is the best it can offer, then the only thing growing in Wexmoor will be the waiting list.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            ("another glossy brochure", E, None, Some("headline")),
            ("with all the fanfare of a product launch", E, None, None),
            (
                "that would look at home on a bag of fertiliser",
                E,
                None,
                None,
            ),
            (
                "Strip away the gloss and what is left is thin.",
                E,
                None,
                None,
            ),
            (
                "The strategy promises 3,000 new homes by 2030, but only 450 of them would be classed as affordable, according to the council's own appendix.",
                S,
                Some("the council's appendix"),
                None,
            ),
            (
                "The Wexmoor Tenants' Federation says 6,800 households are now registered for social housing, up from 4,900 in 2021.",
                S,
                Some("Wexmoor Tenants' Federation"),
                None,
            ),
            (
                "Behind each of those numbers is a family sleeping in a relative's box room, or handing two-thirds of its income to a landlord who will not fix the damp.",
                E,
                None,
                None,
            ),
            (
                "Councillor Graham Pell, who leads on housing, told the planning committee that the market \"will deliver once we get out of its way.\"",
                S,
                Some("Cllr Graham Pell"),
                None,
            ),
            ("It is a touching faith.", E, None, None),
            ("luxury flats with concierge desks", E, None, None),
            (
                "The developers are hardly hiding their intentions.",
                E,
                None,
                None,
            ),
            (
                "At a property conference in March, the chief executive of Calloway Homes, Rupert Sayle, said the company would \"prioritise sites with the strongest sales values.\"",
                S,
                Some("Rupert Sayle, Calloway Homes"),
                None,
            ),
            ("It should not be the council's strategy.", E, None, None),
            (
                "Neighbouring Holtbridge has built more than 900 council homes since 2018 by borrowing against its own land, according to the regional housing agency.",
                S,
                Some("regional housing agency"),
                None,
            ),
            (
                "Holtbridge is not richer than Wexmoor. It is simply braver.",
                E,
                None,
                None,
            ),
            (
                "First, the council should set a binding target: at least a third of every new development must be genuinely affordable, with no escape hatch for \"viability\" studies written by the developers' own consultants.",
                E,
                None,
                None,
            ),
            (
                "Second, it should stop selling public land to the highest bidder and start building on it.",
                E,
                None,
                None,
            ),
            (
                "Third, it should publish every viability assessment in full, so residents can see for themselves who is gaming the system.",
                E,
                None,
                None,
            ),
            ("a casino with a waiting list", E, None, None),
            ("without blinking", E, None, None),
            (
                "the city treasurer told councillors in January that borrowing costs had fallen to their lowest level since 2021",
                S,
                Some("the city treasurer"),
                None,
            ),
            (
                "It cost 38,000 pounds, according to a freedom-of-information reply published by the Tenants' Federation.",
                S,
                Some("Tenants' Federation"),
                None,
            ),
            ("Money well spent, no doubt.", E, None, None),
            ("Residents deserve better than a brochure.", E, None, None),
            (
                "They deserve a council with the nerve to build.",
                E,
                None,
                None,
            ),
            (
                "the only thing growing in Wexmoor will be the waiting list",
                E,
                None,
                None,
            ),
        ],
    },
    Sample {
        file: "hospital-wait.txt",
        outlet: "Dunmere & Wold Gazette",
        alex: &[
            (
                "Patients arriving at the accident and emergency department of St Aldric's Hospital in Dunmere are now waiting longer than at any time since records began, with some spending more than 19 hours on a trolley before a bed is found, according to figures published this week.",
                S,
                Some("published figures"),
                Some("whose figures? the trust's, from the next paragraph"),
            ),
            (
                "The monthly performance report from the Dunmere and Wold Health Trust shows that only 54 per cent of patients were admitted, transferred or discharged within four hours in October, against a national target of 76 per cent.",
                S,
                Some("Dunmere and Wold Health Trust report"),
                None,
            ),
            (
                "The Care Standards Commission, which inspects hospitals in the region, said in a separate report on Tuesday that overcrowding in the department was \"putting patients at risk of avoidable harm\".",
                S,
                Some("Care Standards Commission"),
                None,
            ),
            (
                "Inspectors found patients being treated in corridors on each of their three visits, the report said.",
                S,
                Some("Care Standards Commission report"),
                None,
            ),
            ("painfully familiar", E, None, None),
            (
                "Her daughter, Mrs Joanne Pike, said her mother had been given one sandwich and a cup of tea in that time.",
                S,
                Some("Joanne Pike"),
                None,
            ),
            (
                "\"She's a proud woman and she was lying there in her nightgown with people walking past all night,\" Mrs Pike said. \"Nobody was unkind. They were just run off their feet.\"",
                S,
                Some("Joanne Pike"),
                None,
            ),
            (
                "Mr Harold Osei, 58, who has a heart condition, said he had waited seven hours to see a doctor in August and had been sent home with no explanation of his test results.",
                S,
                Some("Harold Osei"),
                None,
            ),
            (
                "He said he would \"think twice\" before going back.",
                S,
                Some("Harold Osei"),
                None,
            ),
            (
                "A nurse who has worked in the department for more than a decade, and who asked not to be named for fear of losing her job, said staff routinely looked after twice the number of patients they were meant to.",
                A,
                Some("a nurse in the department"),
                Some("reason for anonymity is given"),
            ),
            (
                "\"We're doing triage in the ambulance bay some nights,\" she said. \"Management knows. They've known for two years.\"",
                A,
                Some("a nurse in the department"),
                None,
            ),
            (
                "Dr Priya Mansell, the trust's medical director, said the hospital was \"under exceptional pressure\" and apologised to patients who had waited too long.",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "She said the main cause was a shortage of ward beds, because around 90 patients who were well enough to leave could not be discharged without a care package from the council.",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "\"Our staff are working incredibly hard in very difficult conditions,\" Dr Mansell said. \"Every one of those delays is a person, and we know that.\"",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "The trust said it planned to open a 24-bed discharge unit in January and had recruited 40 nurses from overseas since the summer.",
                S,
                Some("Dunmere and Wold Health Trust"),
                None,
            ),
            (
                "Wold County Council, which is responsible for adult social care, said it had increased spending on home care by £3 million this year but could not find enough carers to fill the posts.",
                S,
                Some("Wold County Council"),
                None,
            ),
            (
                "Cllr Martin Fuller, the council's cabinet member for health, said the shortage was \"a national problem that needs a national answer\".",
                S,
                Some("Martin Fuller"),
                None,
            ),
            ("Those answers have been a long time coming.", E, None, None),
            (
                "It is hard to escape the conclusion that patients in Dunmere are paying the price for years of complacency.",
                E,
                None,
                Some("the writer's verdict"),
            ),
            (
                "The Dunmere Patients' Forum, a volunteer group, said it would present a petition of more than 4,000 signatures to the trust's board at its meeting on 28 November.",
                S,
                Some("Dunmere Patients' Forum"),
                None,
            ),
            (
                "Its chairman, Mr Colin Redgrave, said members simply wanted \"an honest timetable, and for someone to pick up the phone\".",
                S,
                Some("Colin Redgrave"),
                None,
            ),
        ],
        sam: &[
            (
                "Patients arriving at the accident and emergency department of St Aldric's Hospital in Dunmere are now waiting longer than at any time since records began, with some spending more than 19 hours on a trolley before a bed is found, according to figures published this week.",
                S,
                Some("health trust figures"),
                None,
            ),
            (
                "The monthly performance report from the Dunmere and Wold Health Trust shows that only 54 per cent of patients were admitted, transferred or discharged within four hours in October, against a national target of 76 per cent.",
                S,
                Some("Dunmere and Wold Health Trust"),
                None,
            ),
            (
                "The Care Standards Commission, which inspects hospitals in the region, said in a separate report on Tuesday that overcrowding in the department was \"putting patients at risk of avoidable harm\".",
                S,
                Some("Care Standards Commission"),
                None,
            ),
            (
                "Inspectors found patients being treated in corridors on each of their three visits, the report said.",
                S,
                Some("Care Standards Commission inspectors"),
                None,
            ),
            (
                "For the people behind the figures, the numbers are painfully familiar.",
                E,
                None,
                None,
            ),
            (
                "Mrs Edith Carrow, 81, from Lower Fenby, spent 16 hours in a corridor after a fall at home in September.",
                S,
                Some("Joanne Pike"),
                Some("presumably from her daughter; not said"),
            ),
            (
                "Her daughter, Mrs Joanne Pike, said her mother had been given one sandwich and a cup of tea in that time.",
                S,
                Some("Mrs Joanne Pike"),
                None,
            ),
            (
                "\"She's a proud woman and she was lying there in her nightgown with people walking past all night,\" Mrs Pike said. \"Nobody was unkind. They were just run off their feet.\"",
                S,
                Some("Mrs Joanne Pike"),
                None,
            ),
            (
                "Mr Harold Osei, 58, who has a heart condition, said he had waited seven hours to see a doctor in August and had been sent home with no explanation of his test results.",
                S,
                Some("Mr Harold Osei"),
                None,
            ),
            (
                "A nurse who has worked in the department for more than a decade, and who asked not to be named for fear of losing her job, said staff routinely looked after twice the number of patients they were meant to.",
                A,
                Some("anonymous A&E nurse"),
                None,
            ),
            (
                "\"We're doing triage in the ambulance bay some nights,\" she said. \"Management knows. They've known for two years.\"",
                A,
                Some("anonymous A&E nurse"),
                None,
            ),
            (
                "Dr Priya Mansell, the trust's medical director, said the hospital was \"under exceptional pressure\" and apologised to patients who had waited too long.",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "She said the main cause was a shortage of ward beds, because around 90 patients who were well enough to leave could not be discharged without a care package from the council.",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "\"Our staff are working incredibly hard in very difficult conditions,\" Dr Mansell said. \"Every one of those delays is a person, and we know that.\"",
                S,
                Some("Dr Priya Mansell"),
                None,
            ),
            (
                "The trust said it planned to open a 24-bed discharge unit in January and had recruited 40 nurses from overseas since the summer.",
                S,
                Some("the trust"),
                None,
            ),
            (
                "Wold County Council, which is responsible for adult social care, said it had increased spending on home care by £3 million this year but could not find enough carers to fill the posts.",
                S,
                Some("Wold County Council"),
                None,
            ),
            (
                "Cllr Martin Fuller, the council's cabinet member for health, said the shortage was \"a national problem that needs a national answer\".",
                S,
                Some("Cllr Martin Fuller"),
                None,
            ),
            ("Those answers have been a long time coming.", E, None, None),
            ("years of complacency", E, None, None),
            (
                "The Dunmere Patients' Forum, a volunteer group, said it would present a petition of more than 4,000 signatures to the trust's board at its meeting on 28 November.",
                S,
                Some("Dunmere Patients' Forum"),
                None,
            ),
            (
                "Its chairman, Mr Colin Redgrave, said members simply wanted \"an honest timetable, and for someone to pick up the phone\".",
                S,
                Some("Mr Colin Redgrave"),
                None,
            ),
        ],
    },
    Sample {
        file: "chip-plant.txt",
        outlet: "Tarrow Business Review",
        alex: &[
            (
                "Daeryun Semiconductor, which is headquartered in the port city of Gyeonhae, says the plant will employ 2,400 people when it opens in 2029 and will make the advanced memory chips used in data centres.",
                S,
                Some("Daeryun Semiconductor"),
                None,
            ),
            ("It is an audacious bet.", E, None, None),
            (
                "The company has committed 6.8 billion dollars to the project, more than its entire operating profit over the past three years, according to its annual report.",
                S,
                Some("Daeryun annual report"),
                None,
            ),
            (
                "Park Ji-won (박지원), Daeryun's head of overseas manufacturing, said the valley had been chosen over two rival sites because of its skilled workforce and its closeness to the regional university.",
                S,
                Some("Park Ji-won"),
                None,
            ),
            (
                "“We are not coming here for one factory,” she said in an interview at the company's temporary site office. “We are coming to build an industry, and that takes decades.”",
                S,
                Some("Park Ji-won"),
                None,
            ),
            (
                "Park said the first production line would be running by the end of 2028, with a second to follow if demand held up.",
                S,
                Some("Park Ji-won"),
                None,
            ),
            (
                "Analysts at Corvell Research estimate that the plant will need at least 30 million litres of water a day at full capacity, roughly a fifth of what the valley's reservoir supplies.",
                S,
                Some("Corvell Research"),
                None,
            ),
            (
                "\"The water arithmetic is the part nobody in the valley wants to talk about,\" said Miriam Hollis, a semiconductor analyst at Corvell.",
                S,
                Some("Miriam Hollis"),
                None,
            ),
            (
                "She said similar plants elsewhere had taken two to three years longer than planned to reach full output.",
                S,
                Some("Miriam Hollis"),
                None,
            ),
            (
                "The Tarrow Valley Water Authority said in a written statement that it had \"sufficient headroom\" to meet the plant's needs and that Daeryun had agreed to recycle at least 70 per cent of the water it used.",
                S,
                Some("Tarrow Valley Water Authority"),
                None,
            ),
            (
                "Sources say the company has privately asked the regional government for a guarantee that it will be first in line for water during a drought.",
                A,
                Some("sources"),
                None,
            ),
            (
                "Two people briefed on the talks said the request had caused alarm among farmers' groups, who were not told about it.",
                A,
                Some("two people briefed on the talks"),
                None,
            ),
            (
                "He said Daeryun was \"fully committed to being a good neighbour.\"",
                S,
                Some("Lucas Brandt"),
                None,
            ),
            (
                "She told the regional assembly last month that the plant would \"change the valley's future for a generation\" and that the water agreement would be published before work on the main building began.",
                S,
                Some("Chen Weiling"),
                None,
            ),
            ("lavish package of public money", E, None, None),
            (
                "900 million dollars in grants and tax relief, according to figures released by the regional treasury.",
                S,
                Some("regional treasury"),
                None,
            ),
            (
                "Critics argue that is far too much for too few jobs.",
                A,
                Some("critics"),
                None,
            ),
            (
                "\"That's 375,000 dollars of public money per job,\" said Tomasz Wilk, an economist at the Halbrook School of Economics. \"You could retrain half the valley for that.\"",
                S,
                Some("Tomasz Wilk"),
                None,
            ),
            (
                "Industry watchers say the timing is delicate.",
                A,
                Some("industry watchers"),
                None,
            ),
            (
                "Daeryun's main competitor, Sorin Microdevices, is reported to be considering a delay to its own overseas expansion.",
                A,
                Some("reported"),
                Some("reported by whom?"),
            ),
            (
                "Daeryun's chief executive, Kim Tae-hyun (김태현), told investors in Gyeonhae in October that the company would \"not slow down for a cycle.\"",
                S,
                Some("Kim Tae-hyun"),
                None,
            ),
            (
                "Kim said the Tarrow plant would be paid for from existing cash and new bonds rather than by issuing new shares.",
                S,
                Some("Kim Tae-hyun"),
                None,
            ),
            (
                "the landlady, Sue Farraday, said business had never been better.",
                S,
                Some("Sue Farraday"),
                None,
            ),
            (
                "\"Whatever they're building out there, it makes them hungry,\" she said.",
                S,
                Some("Sue Farraday"),
                None,
            ),
            ("The glossy promises are easy to make.", E, None, None),
            (
                "The hard part will come in a dry summer, when the valley finds out whether there is enough water for both the chips and the barley.",
                E,
                None,
                None,
            ),
        ],
        sam: &[
            (
                "Daeryun Semiconductor, which is headquartered in the port city of Gyeonhae, says the plant will employ 2,400 people when it opens in 2029 and will make the advanced memory chips used in data centres.",
                S,
                Some("Daeryun"),
                None,
            ),
            ("an audacious bet", E, None, None),
            (
                "The company has committed 6.8 billion dollars to the project, more than its entire operating profit over the past three years, according to its annual report.",
                S,
                Some("Daeryun's annual report"),
                None,
            ),
            (
                "Park Ji-won (박지원), Daeryun's head of overseas manufacturing, said the valley had been chosen over two rival sites because of its skilled workforce and its closeness to the regional university.",
                S,
                Some("Park Ji-won (박지원)"),
                None,
            ),
            (
                "“We are not coming here for one factory,” she said in an interview at the company's temporary site office. “We are coming to build an industry, and that takes decades.”",
                S,
                Some("Park Ji-won"),
                None,
            ),
            (
                "Park said the first production line would be running by the end of 2028, with a second to follow if demand held up.",
                S,
                Some("Park Ji-won"),
                None,
            ),
            (
                "Not everyone is convinced the timetable is realistic.",
                E,
                None,
                Some("framing; who is not convinced?"),
            ),
            (
                "Analysts at Corvell Research estimate that the plant will need at least 30 million litres of water a day at full capacity, roughly a fifth of what the valley's reservoir supplies.",
                S,
                Some("Corvell Research analysts"),
                None,
            ),
            (
                "\"The water arithmetic is the part nobody in the valley wants to talk about,\" said Miriam Hollis, a semiconductor analyst at Corvell.",
                S,
                Some("Miriam Hollis, Corvell"),
                None,
            ),
            (
                "She said similar plants elsewhere had taken two to three years longer than planned to reach full output.",
                S,
                Some("Miriam Hollis, Corvell"),
                None,
            ),
            (
                "The Tarrow Valley Water Authority said in a written statement that it had \"sufficient headroom\" to meet the plant's needs and that Daeryun had agreed to recycle at least 70 per cent of the water it used.",
                S,
                Some("Tarrow Valley Water Authority"),
                None,
            ),
            (
                "Sources say the company has privately asked the regional government for a guarantee that it will be first in line for water during a drought.",
                A,
                Some("unnamed sources"),
                None,
            ),
            (
                "Two people briefed on the talks said the request had caused alarm among farmers' groups, who were not told about it.",
                A,
                Some("people briefed on the talks"),
                None,
            ),
            (
                "He said Daeryun was \"fully committed to being a good neighbour.\"",
                S,
                Some("Lucas Brandt"),
                None,
            ),
            (
                "She told the regional assembly last month that the plant would \"change the valley's future for a generation\" and that the water agreement would be published before work on the main building began.",
                S,
                Some("Chen Weiling (陈维玲)"),
                None,
            ),
            ("lavish package", E, None, None),
            (
                "900 million dollars in grants and tax relief, according to figures released by the regional treasury.",
                S,
                Some("regional treasury"),
                None,
            ),
            (
                "Critics argue that is far too much for too few jobs.",
                A,
                Some("critics"),
                None,
            ),
            (
                "\"That's 375,000 dollars of public money per job,\" said Tomasz Wilk, an economist at the Halbrook School of Economics. \"You could retrain half the valley for that.\"",
                S,
                Some("Tomasz Wilk"),
                None,
            ),
            (
                "Industry watchers say the timing is delicate.",
                A,
                Some("industry watchers"),
                None,
            ),
            (
                "Memory chip prices fell sharply last year before recovering in the spring, and Daeryun's main competitor, Sorin Microdevices, is reported to be considering a delay to its own overseas expansion.",
                A,
                Some("is reported"),
                None,
            ),
            (
                "Daeryun's chief executive, Kim Tae-hyun (김태현), told investors in Gyeonhae in October that the company would \"not slow down for a cycle.\"",
                S,
                Some("Kim Tae-hyun"),
                None,
            ),
            (
                "Kim said the Tarrow plant would be paid for from existing cash and new bonds rather than by issuing new shares.",
                S,
                Some("Kim Tae-hyun"),
                None,
            ),
            (
                "At the Plough Inn, where construction workers now outnumber the regulars at lunchtime, the landlady, Sue Farraday, said business had never been better.",
                S,
                Some("Sue Farraday"),
                None,
            ),
            (
                "The glossy promises are easy to make. The hard part will come in a dry summer, when the valley finds out whether there is enough water for both the chips and the barley.",
                E,
                None,
                None,
            ),
        ],
    },
];

/// Where each sample annotator stopped, and whether they marked it done
/// (only on the HTML samples, so the article list shows every state).
const PROGRESS: &[(&str, &str, usize, bool)] = &[
    ("ferry-strike.html", "Alex Example", 11, true),
    ("water-rates.html", "Alex Example", 5, false),
    ("branch-libraries.htm", "Sam Example", 3, false),
];

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("annotations");
    for sample in SAMPLES {
        let path = root.join("examples/articles").join(sample.file);
        let art = byline_store::article::load(&path)?;
        for (name, specs) in [("Alex Example", sample.alex), ("Sam Example", sample.sam)] {
            let file = store::annotation_path(&dir, &art.id, name);
            let rel = format!("../../examples/articles/{}", sample.file);
            let mut set = AnnotationSet::new(&art, name, Some(rel));
            set.article.outlet = Some(sample.outlet.to_owned());
            set.annotator.updated = Some("2026-11-20T10:00:00Z".parse()?);
            for (quote, kind, source, note) in specs {
                let (para, start) = find(&art, quote)
                    .ok_or_else(|| anyhow::anyhow!("{}: quote not found: {quote}", sample.file))?;
                let p = &art.paragraphs[para];
                let mut c = Claim::new(
                    Loc::new(Para::from_index(para), start, start + quote.chars().count()),
                    p,
                    *kind,
                );
                c.source = source.map(str::to_owned);
                c.note = note.map(str::to_owned);
                set.claims.push(c);
            }
            set.sort();
            set.assign_ids();
            set.sort();
            if let Some((_, _, position, done)) = PROGRESS
                .iter()
                .find(|(f, n, _, _)| *f == sample.file && *n == name)
            {
                set.annotator.position = Some(*position);
                if *done {
                    set.annotator.done = Some("2026-11-21T16:30:00Z".parse()?);
                }
            }
            store::save(&file, &set)?;
            println!("{} ({} claims)", file.display(), set.claims.len());
        }
    }
    Ok(())
}

fn find(art: &article::Article, quote: &str) -> Option<(usize, usize)> {
    art.paragraphs
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.text.find(quote).map(|b| (i, p.char_of(b))))
}
