//! Writes the sample annotations in `annotations/` for the example articles:
//! two sample annotators who agree on most claims and differ on a few, so
//! export, review and agree have real data to show.
//!
//!     cargo run --example make_samples
//!
//! Claims are given by their quote; the offsets are computed from the
//! normalised article, so they are right by construction.

use byline::annotation::{AnnotationSet, Claim, Kind};
use byline::article;
use byline::store;
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
        let art = article::load(&path)?;
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
                let mut c = Claim::new(para + 1, p, start, start + quote.chars().count(), *kind);
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
