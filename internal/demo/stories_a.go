package demo

import (
	"time"

	"github.com/herald-news/herald/internal/news"
)

// ledgerArt is a featured illustration drawn by Illustration(seed, ...), with
// alternative text that describes what that drawing shows.
func ledgerArt(seed int64, caption string) *Image {
	return &Image{
		Seed:    seed,
		Alt:     IllustrationAlt(seed),
		Caption: caption,
		Credit:  "Illustration: The Harbor Ledger",
	}
}

// storiesA holds the demo stories for the USA News, World, Business and
// Port Alder sections.
func storiesA() []Story {
	return []Story{
		// ------------------------------------------------------------ usa-news
		{
			Slug:       "house-passes-stopgap-funding-bill",
			Section:    "usa-news",
			Authors:    []string{"maya-okafor"},
			Tags:       []string{"congress"},
			Headline:   "House passes stopgap funding bill, sending it to the Senate with a day to spare",
			Standfirst: "The 45-day measure keeps federal agencies open and adds disaster aid, but leaves the fight over full-year spending for later.",
			Body: `WASHINGTON — The House this afternoon passed a short-term spending bill that would keep the federal government open for another 45 days, sending it to the Senate with little more than a day to spare before funding runs out.

The measure passed 271 to 158, with support from most members of both parties and opposition from a bloc of lawmakers on each side who objected to what it included, and to what it left out. It extends current funding for every federal agency, adds $9.5 billion for disaster recovery and renews several expiring health programs until the stopgap ends.

It does not settle the larger argument over full-year spending, which has been stuck for months on the size of domestic programs and the defense budget. Negotiators now have six more weeks to close that gap.

"Nobody in this building is proud of governing 45 days at a time," said Rep. Delia Fontaine, who leads the House Appropriations subcommittee that wrote much of the bill. "But a shutdown would have sent furlough notices to the people who inspect our food, staff our ports and process veterans' benefits. That was the choice in front of us."

## What the bill does

- Keeps all federal agencies funded at current levels for 45 days.
- Provides $9.5 billion for communities recovering from floods, wildfires and hurricanes, most of it through existing disaster programs.
- Extends funding for community health centers and several Medicare payment rules that would otherwise lapse.
- Lets agencies keep hiring for a short list of critical jobs, including air traffic controllers.

The outcome had been in doubt until this morning. More than 40 members were still undecided late last night, according to a count by Capitol Dispatch, and party leaders spent the morning in one-on-one meetings on the House floor.

Opponents included members who wanted deeper cuts and members who said the disaster money fell well short of what states had requested. "This bill rewards the habit of waiting until the last minute," said Rep. Marcus Ellery, who voted no. "We will be right back here in six weeks, and everybody knows it."

## What happens next

The Senate majority leader said late this afternoon that the chamber would take up the bill first thing tomorrow, and aides in both parties expect it to pass comfortably. A single senator can delay a vote, but none had said publicly that they would. The White House has said the president will sign it.

For Port Alder, the stakes are concrete. The Coast Guard station on the Lower Wharf, the federal courthouse and the customs inspectors at the container terminal would all have been affected by a lapse in funding, and many of those workers would have been required to stay on the job without pay.

"We've been through this before," said Renata Osei, who runs a freight forwarding firm on the waterfront. "It's not the shutdown that hurts. It's the not knowing."`,
			Credits: []Credit{
				{Source: "capitol-dispatch", Kind: news.CreditAccordingTo, URL: "https://capitoldispatch.example/2026/stopgap-whip-count"},
			},
			Corrections: []Correction{
				{Kind: news.KindUpdate, Text: "This story has been updated with the Senate majority leader's announcement that the Senate will take up the bill tomorrow morning, and with comments from Rep. Marcus Ellery.", Age: 35 * time.Minute},
			},
			Age:        2 * time.Hour,
			UpdatedAge: 35 * time.Minute,
			Image:      ledgerArt(202, "The stopgap bill would keep federal agencies funded for another 45 days."),
			Comments:   true,
		},
		{
			Slug:       "supreme-court-facial-recognition-warrants",
			Section:    "usa-news",
			Authors:    []string{"maya-okafor"},
			Tags:       []string{"supreme-court", "artificial-intelligence"},
			Headline:   "Justices sound divided over whether police need a warrant to run facial recognition searches",
			Standfirst: "In a case from a small Midwestern city, the Supreme Court weighed how an 18th-century protection against unreasonable searches applies to software that can name a face in seconds.",
			Body: `WASHINGTON — The Supreme Court appeared divided today over whether police must get a warrant before using facial recognition software to identify someone from a photograph, a question that could reshape how thousands of departments use a fast-spreading technology.

The case, Haldane v. City of Carver Falls, began when police in the Midwestern city ran a still image from a convenience store's security camera through a commercial face-search tool that compares pictures against billions of photos gathered from the internet. The search named Aaron Haldane, a 34-year-old warehouse worker, as a likely match. He was arrested two days later and charged with robbery.

Prosecutors dropped the charges after Haldane's employer produced time-stamped records showing he had been at work across town. He sued, arguing that the search itself violated the Fourth Amendment's protection against unreasonable searches and seizures.

"The government could never follow every citizen with a detective to learn who they are and where they go," his lawyer, Corinne Vasquez-Hale, told the justices. "This tool lets it do the equivalent with a single click, and no judge ever looks at it."

## What counts as a search

Several justices pressed the city's lawyer, Stephen Marlowe, on whether there was any limit to what police could do with a photograph taken in public. One asked whether officers could, without a warrant, run every face captured by a city's traffic cameras in a single day.

Marlowe said the court's precedents treat what a person knowingly shows the public as unprotected, and that a face is the most public thing there is. "An officer who recognizes a suspect from a wanted poster has not conducted a search," he said. "Software that does the same thing faster has not either."

Other justices seemed wary of a sweeping ruling in either direction. Two suggested the court could decide only whether Haldane's arrest was lawful and leave the broader questions for another day, an outcome lawyers on both sides said would leave police departments with little guidance.

The case has drawn an unusual set of allies. Civil liberties groups and two technology companies filed briefs supporting Haldane; a coalition of police organizations and 19 states filed briefs supporting the city. Studies have found that many face-search systems are less accurate for some groups of people than for others, though accuracy has improved sharply in recent years.

> "The question isn't whether the technology works. It's who gets to decide when it's used." — Prof. Lena Ashworth-Ross, who teaches criminal procedure and filed a brief supporting neither side

Several states, including the one that is home to Port Alder, already require police to get a court order before running a face search in most cases. A broad ruling for the city would not override those laws, but a ruling for Haldane could set a national floor.

A decision is expected by the end of the court's term in early summer.`,
			Age:      9*time.Hour + 15*time.Minute,
			Image:    ledgerArt(226, "The case asks whether a face search is a 'search' under the Fourth Amendment."),
			Comments: true,
		},
		{
			Slug:       "states-race-to-replace-voting-machines",
			Section:    "usa-news",
			Authors:    []string{"maya-okafor", "ledger-wire"},
			Tags:       []string{"elections"},
			Headline:   "States race to replace aging voting machines, but a parts shortage is slowing them down",
			Standfirst: "Election officials in at least a dozen states say their equipment is near the end of its life, and replacements are arriving months late.",
			Body: `Election officials across the country are racing to replace voting equipment that is wearing out, and a shortage of the specialized scanners and printers that new systems depend on is making the job harder, a problem first reported by Northwind Public Radio.

Many counties last replaced their equipment a decade or more ago. Machines designed to last ten years are now being asked to last fifteen, and officials in at least a dozen states say they have had to delay upgrades because vendors cannot deliver on time.

"We have machines in storage that we take apart for parts," said Loretta Huang-Pierce, the elections director in rural Tamsin County, which has about 40,000 registered voters. "That works until it doesn't. I don't want to find out which election is the one where it doesn't."

## Why the parts are scarce

Voting equipment is a small, tightly regulated market. Every machine must be certified, and a change as minor as a new printer model can require a system to be tested again, which can take months. When a supplier discontinues a component, vendors cannot simply swap in another.

Ballotworks, one of the larger vendors, said in a statement that it had "prioritized jurisdictions with the nearest elections" and expected to clear its backlog within the year. Two smaller vendors did not respond to requests for comment.

Officials are improvising. Among the approaches they described:

- Buying refurbished machines from counties that have already upgraded.
- Postponing new systems until after the next federal election rather than switching mid-cycle.
- Moving to hand-marked paper ballots counted by scanners, which need fewer specialized parts than touchscreen machines.

Election security experts generally favor hand-marked paper ballots, which leave a physical record that can be audited. But the switch brings its own costs, including more printing and, in some places, longer lines.

## Closer to home

In Alder County, the scanners that count Port Alder's ballots were bought in 2013. Benedict Amsel, the county's elections director, said they had passed their most recent inspection and would be used at least once more.

"They're old, but they're tested, and we audit every election by hand," Amsel said. "What keeps me up at night is not the scanners. It's what happens if a vendor tells us a part we need no longer exists."

The county has asked commissioners for $2.1 million to replace the system after the next general election.`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditFirstReported, URL: "https://northwind.example/news/2026/voting-machine-parts-shortage"},
			},
			Age:      26*time.Hour + 35*time.Minute,
			Image:    ledgerArt(217, "Many counties last replaced their voting equipment a decade or more ago."),
			Comments: true,
		},
		{
			Slug:       "house-panel-advances-manufactured-housing-bill",
			Section:    "usa-news",
			Authors:    []string{"priya-natarajan", "maya-okafor"},
			Tags:       []string{"housing", "congress"},
			Headline:   "House panel advances bill to make factory-built homes easier to place and finance",
			Standfirst: "Supporters in both parties say manufactured housing is the fastest way to add homes people can afford. Local officials worry about losing control over zoning.",
			Body: `A House committee voted 38 to 12 today to advance a bill that would make it easier to build, place and finance factory-built homes, a rare bipartisan housing measure that supporters say could add hundreds of thousands of homes at a fraction of the usual cost.

The bill would end a decades-old federal requirement that manufactured homes be built on a permanent steel chassis, which manufacturers say adds cost and makes the homes look like trailers even when they are not. It would also create a federal loan guarantee for buyers of manufactured homes that are titled as real estate, and offer grants to cities that update their zoning codes to allow them.

The bill's sponsors, citing an analysis by The Meridian Post of construction cost data from 2015 to 2025, say factory-built homes cost roughly half as much per square foot as comparable site-built houses. Much of the difference comes from building indoors, where work is not delayed by weather and materials are bought in bulk.

"We have a housing shortage and a proven way to build homes faster and cheaper," said Rep. Alana Whitfield, one of the bill's sponsors. "The only thing standing in the way is a set of rules written in the 1970s."

## The zoning question

The most contentious part of the bill is a provision that would make federal transportation grants harder to win for cities that ban manufactured homes from residential neighborhoods. Groups representing local governments say that amounts to federal pressure on decisions that have always been made locally.

"Cities are not opposed to manufactured housing," said Theresa Quon, a lobbyist for a national association of municipal officials. "We are opposed to Washington deciding what can be built on which street."

Rep. Gordon Tuttle, who voted for the bill, said he expected the provision to be softened before the full House votes. "Carrots work better than sticks," he said.

## A Port Alder test case

Saltbox Homes, which builds modular homes in a former cannery in Eastmoor, has a backlog of 14 months. Its chief executive, Wendell Park-Sorensen, said the chassis rule alone adds about $9,000 to each of the company's smaller models.

"Our customers are teachers, nurses, people who grew up here and can't afford to stay," he said. "Every dollar of rules is a dollar they can't borrow."

The bill now goes to the full House. A similar measure has been introduced in the Senate but has not had a hearing.`,
			Credits: []Credit{
				{Source: "meridian-post", Kind: news.CreditCiting, URL: "https://meridianpost.example/2026/factory-built-home-costs"},
			},
			Age:      3*24*time.Hour + 6*time.Hour + 12*time.Minute,
			Image:    ledgerArt(227, "Manufactured homes cost roughly half as much per square foot as site-built houses."),
			Comments: true,
		},
		{
			Slug:       "immigration-court-delays-stretch-for-years",
			Section:    "usa-news",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"migration"},
			Headline:   "Immigration court delays stretch for years as judges retire faster than they are replaced",
			Standfirst: "Lawyers say people who applied for asylum recently are being given first hearing dates years away, leaving families unable to plan their lives.",
			Body: `Immigration courts are scheduling some first hearings years into the future as retirements outpace the hiring of new judges, lawyers and former judges said this week, via Atlas Wire Service.

The courts, which are part of the Justice Department rather than the independent judiciary, have carried a backlog of several million cases for years. Congress has funded new judgeships, but hiring has slowed, and more than 60 judges have left the bench in the past year, many of them to retire.

The result, lawyers say, is a system in which someone who arrives today may not have the first hearing in their case until the end of the decade.

"I have clients who have been here four years and have never seen a judge," said Nadia Ferreira-Lowe, an immigration lawyer in Port Alder. "They are working, paying taxes, raising kids who are in school here, and they have no idea whether they'll be allowed to stay."

## Why it matters

Long delays cut both ways. People with strong claims for asylum wait years for protection that would let them bring their families to join them. People with weak claims remain in the country for years before a judge hears their case. Both sides of the immigration debate point to the backlog as evidence that the system is not working.

Harold Bissett, who served as an immigration judge for 19 years before retiring, said the problem could not be solved by hiring alone. "You can add judges, and you should," he said. "But every judge needs clerks, interpreters and courtrooms. We added benches without adding the rest, and the cases just moved from one line to another."

## What has been proposed

- A bill in the House would fund 150 additional judges along with support staff and courtroom space.
- A separate proposal would move the immigration courts out of the Justice Department and make them independent, as many former judges have urged.
- The department has expanded video hearings, which it says have increased the number of cases each judge can hear.

None of the proposals has come to a vote. In the meantime, Ferreira-Lowe said, she tells clients the same thing: keep every document, keep your address current with the court, and be patient.

"That is not legal advice I'm proud of," she said. "It's just the truth."`,
			Credits: []Credit{
				{Source: "atlas-wire", Kind: news.CreditVia, URL: "https://atlaswire.example/2026/immigration-court-judges"},
			},
			Age:      38*time.Hour + 20*time.Minute,
			Comments: false,
		},
		{
			Slug:       "dockworkers-tentative-deal-averts-strike",
			Section:    "usa-news",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"labor", "trade"},
			Headline:   "Dockworkers and port operators reach tentative deal, averting a coastwide strike",
			Standfirst: "The six-year agreement raises wages by 24 percent and sets rules for automated cranes, the issue that nearly shut down ports up and down the coast.",
			Body: `The union representing dockworkers at 19 ports and the association of shipping lines and terminal operators that employs them reached a tentative six-year contract early this morning, ending the threat of a strike that could have stalled a large share of the country's trade.

The agreement, first reported by The Coastal Courier, raises wages by 24 percent over the life of the contract and sets rules for how and where terminals may introduce automated cranes and vehicles, the issue that had kept the two sides apart for three months.

Members of the Coastal Longshore Alliance must still vote on the deal, which is expected to take about four weeks. Union leaders said they would recommend approval.

"Our members asked for two things: a raise that keeps up with what it costs to live in a port city, and a guarantee that a machine won't take their job without a fight," said Darnell Okonkwo-Reyes, the union's president. "This contract delivers both."

## The automation compromise

Terminal operators had argued that automation was needed to keep ports competitive and to handle ever-larger ships. The union had sought an outright ban on new automated equipment.

Under the tentative deal, operators may install automated cranes only at terminals where they agree to a set staffing level for the life of the contract, and every job affected must be offered retraining at full pay. Fully automated terminals, with no workers on the dock, are not allowed.

Mariana Ystad, who speaks for the employers' association, called the agreement "a fair price for stability." Shipping lines had begun diverting some cargo to other ports as the deadline approached, she said, and would now move it back.

## What it means for Port Alder

About 1,100 dockworkers are employed at Port Alder's two container terminals and its bulk cargo pier. Several said they were relieved.

"My dad worked these docks, and I've been here 22 years," said Celeste Varga, a crane operator at Terminal 4. "Nobody wanted to strike. But nobody was going to take whatever they offered, either."

Port Alder Harbor Authority officials said a strike would have cost the local economy about $40 million a week in lost wages and business.

*Port Alder Gazette contributed reporting.*`,
			Credits: []Credit{
				{Source: "coastal-courier", Kind: news.CreditFirstReported, URL: "https://coastalcourier.example/2026/dockworkers-tentative-contract"},
				{Source: "port-alder-gazette", Kind: news.CreditContributed},
			},
			Age:      5*24*time.Hour + 9*time.Hour + 41*time.Minute,
			Image:    ledgerArt(240, "About 1,100 dockworkers are employed at Port Alder's container terminals and bulk cargo pier."),
			Comments: true,
		},

		// --------------------------------------------------------------- world
		{
			Slug:       "nations-protect-seamounts-from-bottom-trawling",
			Section:    "world",
			Authors:    []string{"daniel-reyes"},
			Tags:       []string{"fisheries", "oceans", "diplomacy"},
			Headline:   "Twenty-two nations agree to protect deep-sea mountains from bottom trawling",
			Standfirst: "The accord, reached after three years of talks, closes 41 seamounts in the South Pacific to fishing gear dragged along the seabed. Critics say enforcement will be the real test.",
			Body: `Twenty-two countries agreed today to close 41 underwater mountains in the South Pacific to bottom trawling, the most extensive protection yet for seamounts, which scientists describe as some of the richest and most fragile habitats in the deep ocean.

The accord, which negotiators have called the Southern Seamounts Agreement, bans fishing gear that is dragged along the seabed on and around the protected seamounts and requires vessels fishing nearby to carry satellite trackers at all times. It was reached after three years of talks and an all-night final session.

"For a long time the deep sea was out of sight and out of mind," said Ambassador Isabeau Kerrigan, who chaired the negotiations. "Today, 22 governments decided that it is neither."

## Why seamounts matter

Seamounts are underwater mountains, often extinct volcanoes, that rise thousands of feet from the ocean floor without breaking the surface. Currents sweeping up their slopes carry nutrients that feed cold-water corals, sponges and dense schools of fish, some of which live for more than a century.

Those same schools make seamounts attractive to trawlers. Corals destroyed by trawl nets can take centuries to regrow, and some may never recover.

The protected seamounts hold about 60 percent of the known deep-sea coral gardens in the treaty area, according to an analysis by the Harbor Institute for Ocean Research, which mapped the region with research partners over the past decade.

"This is the first time a fisheries agreement has been drawn around where the corals actually are, rather than where it was politically convenient to draw a line," said Dr. Felix Oduya, a deep-sea ecologist at the institute. "It is not everything we hoped for, but it protects the places that matter most."

## The enforcement question

The agreement relies on member countries to police their own fleets, and it has no patrol vessels of its own. Environmental groups said that was its biggest weakness.

> "A line on a map does not stop a trawler. Satellites, observers and real penalties do." — Ana Lucía Ferraro, director of the ocean campaign group Blue Margin

The Southern Deepwater Fishing Association, which represents several trawling companies, said its members would comply but warned that the closures would push fishing effort onto other, less-studied seamounts. "We support protecting the most sensitive sites," it said in a statement. "We do not support moving the problem somewhere else."

The agreement takes effect once 15 of the signatories have ratified it, which negotiators expect to take about two years.`,
			Credits: []Credit{
				{Source: "harbor-institute", Kind: news.CreditAccordingTo, URL: "https://harborinstitute.example/research/2026/southern-seamount-corals"},
			},
			Age:      13*time.Hour + 40*time.Minute,
			Image:    ledgerArt(206, "The agreement closes 41 seamounts in the South Pacific to bottom trawling."),
			Comments: true,
		},
		{
			Slug:       "low-water-on-the-rhine-shipping-costs",
			Section:    "world",
			Authors:    []string{"daniel-reyes", "priya-natarajan"},
			Tags:       []string{"trade"},
			Headline:   "Low water on the Rhine forces barges to sail half-empty, and shipping costs are climbing",
			Standfirst: "A dry spell has left Europe's busiest river too shallow for fully loaded barges at a key chokepoint, the latest in a string of low-water episodes pushing companies to rethink their supply routes.",
			Body: `Barges on the Rhine are carrying less than half their usual loads after weeks without significant rain left Europe's busiest inland waterway too shallow at its most critical point, driving up the cost of moving everything from coal to chemicals to grain.

The water level at Kaub, a town in Germany's Rhine gorge where the river is at its shallowest for heavy traffic, fell this week to about 50 centimeters on the official gauge. The gauge does not measure the river's full depth, but below roughly 80 centimeters, many barges must lighten their loads to avoid running aground.

Freight rates for a typical barge trip from the North Sea ports to the industrial regions upriver have more than tripled in three weeks, traders said, citing figures compiled by Global Markets Daily.

"We're sailing with 40 percent of what the ship can carry, and the customer is paying for all of it," said Henk Voorthuis, who has captained barges on the Rhine for 26 years. "Nobody likes it. But the river decides."

## A recurring problem

Low water on the Rhine is not new, but it has become more frequent and more costly over the past decade, as drier summers and smaller winter snowpacks in the Alps reduce the flow that feeds the river. Episodes in 2018 and 2022 forced some manufacturers to cut production when raw materials could not reach them.

Companies have adapted in ways large and small. Some have built larger stockpiles, and some have shifted cargo to rail, which has limited spare capacity. Others have ordered new, flatter barges designed to carry more cargo in shallow water.

## Ripples beyond Europe

The Rhine carries a significant share of Europe's inland freight, and disruptions there ripple outward. Traders said higher transport costs were already showing up in the price of some chemicals and fertilizers.

"When the Rhine is low, you see it in the price of things that have nothing to do with barges," said Katrin Oberholzer, a logistics analyst based in Basel. "It's a reminder of how much of the economy still moves on water."

Forecasters expect some rain in the Alps next week, but said it would take a sustained period of wet weather for the river to return to normal levels.`,
			Credits: []Credit{
				{Source: "global-markets-daily", Kind: news.CreditCiting, URL: "https://gmdaily.example/2026/rhine-barge-freight-rates"},
			},
			Age:      2*24*time.Hour + 3*time.Hour + 25*time.Minute,
			Image:    ledgerArt(223, "Barges on the Rhine are carrying less than half their usual loads."),
			Comments: true,
		},
		{
			Slug:       "castrovento-asylum-front-door-to-europe",
			Section:    "world",
			Authors:    []string{"daniel-reyes"},
			Tags:       []string{"migration", "diplomacy"},
			Headline:   "A fishing town that became a front door to Europe wonders what new asylum rules will change",
			Standfirst: "Castrovento, population 9,000, has received more people arriving by sea than any other town its size. As Europe's overhauled asylum system takes effect, residents and newcomers alike are waiting to see what it means.",
			Body: `CASTROVENTO, Italy — The harbor in Castrovento was built for fishing boats. For the past decade it has also been where thousands of people crossing the Mediterranean have first set foot in Europe.

Last year about 3,100 people arrived here by sea, most of them rescued by coast guard and charity vessels and brought to the town's single deepwater pier. That is a third as many people as live in the town, and more than any other community its size on the European coast received.

Now Castrovento is waiting to see what Europe's new asylum rules, which begin to apply this year, will mean for a place that has become, in the words of its mayor, "a front door nobody asked us to be."

## Faster screening, shared responsibility

The overhaul, agreed after nearly a decade of negotiation among European Union governments, promises faster screening of new arrivals at the border, quicker decisions for people whose claims are unlikely to succeed and a system in which member states either accept a share of asylum seekers from countries under pressure or contribute money and support instead.

Supporters say it will bring order to a system that left a handful of coastal countries to cope largely on their own. Critics, including many humanitarian groups, say the faster border procedures risk sending people with valid claims away without a fair hearing.

"In theory, what happens next is no longer only Castrovento's problem," said Mayor Giulia Serracchio. "In theory. We have heard promises before."

## Life on the pier

The town's reception center, a converted school, has 240 beds and has held more than 600 people on its busiest nights. Volunteers from the parish and the fishing cooperative bring food; a retired doctor runs a clinic three mornings a week.

Samuel Ade, 27, arrived eight months ago and is waiting for a decision on his asylum claim. He works at the fish market, unloading catches before dawn. "People here were kind to me when they did not have to be," he said. "I want to stay long enough to be kind back."

Not everyone in town is as welcoming. Several residents said they worried about the strain on the clinic and the school, and a few said they wanted the pier closed to rescue ships.

Tommaso Licari, who has fished from Castrovento for 40 years, said he had pulled people from the water himself. "You don't ask where they're from when they're drowning," he said. "The politics comes after. It always comes after."

*Atlas Wire Service contributed reporting.*`,
			Credits: []Credit{
				{Source: "atlas-wire", Kind: news.CreditContributed, URL: "https://atlaswire.example/2026/mediterranean-arrivals"},
			},
			Age:      11*24*time.Hour + 7*time.Hour + 3*time.Minute,
			Image:    ledgerArt(231, "Castrovento's harbor was built for fishing boats."),
			Comments: false,
		},
		{
			Slug:       "heat-wave-strains-power-grids-south-asia",
			Section:    "world",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"energy", "weather"},
			Headline:   "Heat wave pushes power demand to records across South Asia, forcing rolling blackouts",
			Standfirst: "Temperatures above 45 degrees Celsius have driven air-conditioner use to new highs. Grid operators are cutting power to some districts for hours at a time to keep the system from failing.",
			Body: `A heat wave that has baked much of South Asia for more than a week pushed electricity demand to record levels today, forcing grid operators to cut power to some districts in rotation to keep the system from collapsing, via Atlas Wire Service.

Afternoon temperatures have topped 45 degrees Celsius, or 113 degrees Fahrenheit, across wide areas of the region, and nights have brought little relief. Forecasters said the heat would persist for at least another five days before monsoon clouds begin to build.

Power demand has climbed with the temperature as households and businesses run fans and air conditioners around the clock. In several cities, operators said demand had exceeded the previous year's peak by more than 8 percent.

"The grid is designed for a hot day. It is not designed for ten hot days and ten hot nights in a row," said Farid Qureshi-Mallick, a senior engineer at a regional transmission operator. "Equipment that never gets a chance to cool down starts to fail."

## Who is affected

The rolling outages have mostly lasted two to four hours at a time, and operators said they had tried to spare hospitals, water pumping stations and other essential services. But residents in several districts reported outages lasting much longer, and the loss of fans and refrigeration poses a serious risk to older people, young children and outdoor workers.

Public health officials urged people to stay indoors during the hottest hours, drink water frequently and check on neighbors who live alone. Several cities opened cooling centers in schools and government buildings.

## A pattern, not a one-off

Scientists have found that heat waves in the region have become hotter, longer and more frequent as the planet has warmed. Governments have added large amounts of solar power in recent years, which helps meet daytime demand, but the evening peak, when the sun goes down and air conditioners stay on, remains the hardest hour for the grid.

Energy analysts said the blackouts would add urgency to plans for battery storage, which can store solar power generated at midday for use after dark.

"Every summer, the heat arrives a little earlier and leaves a little later," said Meera Salgado, an energy policy researcher. "The question is whether the grid can be built out faster than the heat is growing. Right now, it's close."`,
			Credits: []Credit{
				{Source: "atlas-wire", Kind: news.CreditVia, URL: "https://atlaswire.example/2026/south-asia-heat-grid"},
			},
			Age:      5*time.Hour + 22*time.Minute,
			Image:    ledgerArt(228, "Afternoon temperatures have topped 45 degrees Celsius across wide areas of South Asia."),
			Comments: true,
		},
		{
			Slug:       "european-regulators-first-ai-act-case-hiring-software",
			Section:    "world",
			Authors:    []string{"daniel-reyes"},
			Tags:       []string{"artificial-intelligence", "labor"},
			Headline:   "European regulators open their first major case under new AI rules, targeting hiring software",
			Standfirst: "The investigation into Praxeon, whose software screens job applications for thousands of employers, will test how Europe's law on artificial intelligence works in practice.",
			Body: `Regulators in the Netherlands have opened an investigation into Praxeon, a company whose software screens job applications for thousands of employers across Europe, in what lawyers describe as the first major enforcement case under the European Union's law on artificial intelligence. The investigation was first reported by The Meridian Post.

The law treats AI systems used in hiring as "high-risk," which means their makers must test them for bias, keep detailed records, explain how they work and make sure a human can review their decisions. Regulators are examining whether Praxeon met those obligations.

Praxeon's software ranks applicants by comparing their CVs and answers to written questions with the profiles of employees the hiring company considers successful. Critics have long argued that systems built this way can learn to repeat past hiring patterns, including unfair ones.

"If your best employees all went to the same three universities, a system trained on them will learn to prefer those universities," said Mireille Vantongeren, a researcher at the digital rights group Fair Code Europe, which filed one of the complaints that prompted the investigation. "It doesn't need to be told. That's the problem."

## The company responds

Praxeon's chief executive, Joost Heemskerk, said the company welcomed the review and was confident its product complied with the law. "We built our system to meet these rules before they existed, and we test for bias every quarter," he said in an interview. "We are happy to show regulators our work."

He said the software does not reject applicants on its own; it orders them, and recruiters decide whom to interview.

Critics say that distinction matters less than it seems. Recruiters who receive hundreds of applications for a single job often read only the top of the list.

## Why it matters beyond Europe

Companies that sell AI systems in Europe must follow the law regardless of where they are based, and many multinational firms have said they will apply the same standards worldwide rather than maintain separate products. How regulators handle the first cases is therefore being watched closely far beyond Europe's borders.

Penalties for the most serious violations can reach a percentage of a company's worldwide annual revenue. Lawyers said the first case was more likely to end with required changes than with a large fine.

"Everyone wants to know where the lines are," said Amaury Delacroix-Feld, a technology lawyer in Brussels. "This case will start to draw them."`,
			Credits: []Credit{
				{Source: "meridian-post", Kind: news.CreditFirstReported, URL: "https://meridianpost.example/2026/praxeon-ai-investigation"},
			},
			Age:      6*24*time.Hour + 5*time.Hour + 48*time.Minute,
			Image:    ledgerArt(233, "The investigation will test how Europe's law on artificial intelligence works in practice."),
			Comments: true,
		},

		// ------------------------------------------------------------ business
		{
			Slug:       "grocery-prices-ease-rent-keeps-inflation-up",
			Section:    "business",
			Authors:    []string{"priya-natarajan"},
			Tags:       []string{"inflation", "housing"},
			Headline:   "Grocery prices ease, but rent keeps inflation from cooling further",
			Standfirst: "Consumer prices rose 2.8 percent over the past year, slightly less than economists expected. Housing costs accounted for more than half of the increase.",
			Body: `Prices at the grocery store are rising more slowly than they have in years, but the cost of keeping a roof overhead continues to climb, keeping overall inflation above the level the Federal Reserve considers healthy, government figures released this morning show.

Consumer prices rose 2.8 percent in the 12 months through last month, down from 3 percent the month before and slightly below what economists had forecast. Food prices rose 1.6 percent over the year, the smallest increase in more than four years, as the cost of eggs, beef and coffee fell from recent highs.

Shelter costs, which include rent and an estimate of what homeowners would pay to rent their own homes, rose 4.4 percent and accounted for more than half of the overall increase.

"The good news is real: families are seeing relief at the checkout," said Marisol Teague, chief economist at Brackwater Capital. "But housing is the biggest bill most people pay, and it is still rising faster than paychecks in a lot of places."

## What got cheaper, and what didn't

- **Cheaper than a year ago:** gasoline, airline fares, used cars, eggs and televisions.
- **Rising more slowly:** groceries overall, new cars and clothing.
- **Still rising fast:** rent, car insurance, home insurance, and repair and maintenance services.

Economists noted that official rent figures lag behind what new tenants are paying, because most leases reset only once a year. Listings data suggest new rents have been rising more slowly for several months, which should eventually pull the official figure down.

## In Port Alder

For Port Alder, where the median asking rent for a two-bedroom apartment has risen nearly 30 percent in five years, the national figures can feel abstract.

Luis Carvalho, who owns Carvalho's Market on Fenwick Avenue, said he had noticed customers buying more again after two years of trimming their lists. "People were buying the store brand and skipping the meat. Now some of them are coming back," he said. "But every one of them tells me about their rent."

Jenna Whitlock, a nursing assistant who rents in the Harbor District, said her grocery bill had come down by about $20 a week since the spring. Her rent went up $175 a month when her lease renewed.

"I'm saving at the store and losing it all on the first of the month," she said.

Most economists expect the Federal Reserve to hold interest rates steady at its next meeting as it waits for more evidence that housing costs are cooling.`,
			Age:      20*time.Hour + 10*time.Minute,
			Image:    ledgerArt(207, "Food prices rose 1.6 percent over the past year, the smallest increase in more than four years."),
			Comments: true,
		},
		{
			Slug:       "tidewater-mutual-ai-claims-adjusters",
			Section:    "business",
			Authors:    []string{"priya-natarajan"},
			Tags:       []string{"artificial-intelligence", "labor"},
			Headline:   "Port Alder's largest insurer will let AI sort its claims. Its adjusters want a say in how",
			Standfirst: "Tidewater Mutual says software will speed up simple claims and free staff for complicated ones. The union representing its adjusters says it was not consulted.",
			Body: `Tidewater Mutual, the insurer founded in Port Alder in 1911 to cover fishing boats and now one of the region's largest employers, plans to use artificial intelligence to sort incoming claims and settle the simplest ones automatically, the company confirmed this week. The plan was first reported by the Port Alder Gazette.

Under the plan, software will read each new claim, with its photos, repair estimates and police reports, and decide whether it can be paid right away, needs a human adjuster or should be checked for possible fraud. Tidewater said it expects about one in five auto and home claims to be settled without an adjuster reviewing them.

"A customer with a cracked windshield shouldn't wait a week for someone to look at a photo," said Corinne Adebayo-Marsh, Tidewater's chief operating officer. "Our adjusters should spend their time on the claim where a family has lost a house."

## The union's concerns

The company employs about 1,400 people statewide, including 620 in Port Alder. Its 210 claims adjusters are represented by Local 17 of the Insurance Workers Guild, which said it learned of the plan from the news.

"Nobody is against a faster windshield claim," said Dale Tran, the local's president and a Tidewater adjuster for 17 years. "We're against finding out from the newspaper that our jobs are being redesigned. We want to sit at the table when the rules are written."

The union has asked Tidewater to commit in writing that no adjuster will lose a job because of the system, that any claim the software denies will be reviewed by a person, and that customers will be told when software, rather than a person, has handled their claim.

Tidewater said no layoffs are planned and that the software will not deny claims on its own. It did not say whether it would put those commitments in the contract.

## A wider trend

Insurers across the country are adopting similar systems, and several states have begun to write rules for them. The state insurance commissioner's office said it was reviewing guidance that would require insurers to disclose their use of AI in claims decisions and to test the systems for unfair results.

Policyholders interviewed outside Tidewater's headquarters on Chandlery Row were divided. "If it gets me paid faster, fine," said Arturo Benning, a contractor. Evelyn Strand, a retired teacher, was less sure. "I want to be able to call somebody," she said. "A person who can say yes."`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditFirstReported, URL: "https://pagazette.example/business/2026/tidewater-ai-claims"},
			},
			Corrections: []Correction{
				{Kind: news.KindCorrection, Text: "An earlier version of this story said Tidewater Mutual employs 1,400 people in Port Alder. It employs about 1,400 people statewide, including 620 in Port Alder.", Age: 3*24*time.Hour + 20*time.Hour + 5*time.Minute},
			},
			Age:        4*24*time.Hour + 2*time.Hour + 30*time.Minute,
			UpdatedAge: 3*24*time.Hour + 20*time.Hour + 5*time.Minute,
			Image:      ledgerArt(225, "Tidewater Mutual expects about one in five auto and home claims to be settled without an adjuster."),
			Comments:   true,
		},
		{
			Slug:       "alder-coast-power-rate-increase-grid",
			Section:    "business",
			Authors:    []string{"priya-natarajan", "tomas-lindqvist"},
			Tags:       []string{"energy", "inflation"},
			Headline:   "Alder Coast Power asks regulators for an 11 percent rate increase to harden its grid",
			Standfirst: "The utility says it needs $1.2 billion to bury power lines and replace aging substations. A typical household would pay about $14 more a month.",
			Body: `Alder Coast Power, which supplies electricity to about 480,000 homes and businesses in Port Alder and the surrounding county, has asked state regulators to approve an 11 percent increase in its rates over two years, saying it needs the money to make its grid better able to withstand storms and wildfires.

If approved in full, the increase would add about $14 a month to the bill of a typical household, which now pays about $128. It would be the utility's largest increase in more than a decade.

The company says it plans to spend $1.2 billion over five years, most of it to bury about 300 miles of power lines in areas where falling trees and high winds cause frequent outages, and to replace substations that in some cases date to the 1960s.

"Our customers have told us, loudly, that they are tired of losing power every time the wind blows," said Harriet Castellanos-Byrne, the utility's chief executive. "The fix is not cheap. But outages aren't cheap either."

## Where the money would go

- **Undergrounding lines** in the county's wooded eastern districts: $610 million.
- **Substation replacements**, including two serving the Harbor District: $340 million.
- **Wildfire prevention**, including weather stations and cameras on high-risk lines: $150 million.
- **Battery storage** at three sites to back up critical circuits: $100 million.

The filing comes as utilities across the country face rising costs to adapt their systems to more extreme weather, and as customers are already squeezed by higher prices elsewhere.

## Skeptics weigh in

Consumer advocates said they would challenge the request. An analysis by The Coastal Courier found that Alder Coast Power's spending on grid maintenance fell by nearly a quarter between 2015 and 2020, even as its profits rose, citing the company's own annual filings.

"Customers are being asked to pay twice: once for the maintenance that wasn't done, and again for the catch-up," said Rosalind Petrakis of the Alder Ratepayers Alliance, citing those findings. "The utility's shareholders should carry some of this."

Castellanos-Byrne said the company's maintenance spending had met all regulatory requirements and that the new investment went "well beyond maintenance." The company has proposed a discount of up to 30 percent for low-income customers.

The state utility commission will hold public hearings on the request, including one in Port Alder, before deciding. A decision is expected in about ten months.`,
			Credits: []Credit{
				{Source: "coastal-courier", Kind: news.CreditCiting, URL: "https://coastalcourier.example/2026/alder-coast-power-maintenance"},
			},
			Age:      8*24*time.Hour + 4*time.Hour + 16*time.Minute,
			Image:    ledgerArt(230, "Alder Coast Power says it plans to spend $1.2 billion over five years on its grid."),
			Comments: true,
		},
		{
			Slug:       "container-traffic-dips-as-importers-wait-on-tariffs",
			Section:    "business",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"trade", "inflation"},
			Headline:   "Container traffic dips at Port Alder as importers wait out tariff changes",
			Standfirst: "Shipments through the city's terminals fell 9 percent last month as businesses delayed orders, unsure what duties their goods would face when they arrive.",
			Body: `The number of shipping containers moving through Port Alder fell 9 percent last month compared with a year earlier, the Port Alder Harbor Authority said, as importers held back orders while they waited to learn what tariffs their goods would face.

The slowdown was sharper for some kinds of cargo than others. Imports of furniture and household appliances fell by nearly a fifth, while shipments of farm products and lumber leaving the port rose slightly.

Nationally, bookings for container shipments to the United States fell about 7 percent over the same period, according to shipping data published by Global Markets Daily, with the largest drops on routes from Asia.

"Our customers aren't canceling. They're waiting," said Pavel Lindgren, who manages a customs brokerage near Terminal 2. "Nobody wants to have a container on the water when the rules change, and find out at the dock that it costs 20 percent more than they planned."

## The cost of uncertainty

Trade economists say uncertainty itself has a cost. When businesses do not know what their goods will cost to import, they delay orders, keep smaller stocks and put off hiring.

For Port Alder, where the harbor and the businesses around it account for roughly one job in seven, a sustained drop in cargo would ripple through trucking companies, warehouses and the restaurants and shops that depend on their workers.

"We're not in a crisis," said Vivian Osterhout, the harbor authority's executive director. "But a 9 percent drop is a lot of trucks that aren't running and a lot of shifts that aren't being called."

## Who is affected most

- **Small importers**, who cannot afford to stockpile goods ahead of price changes.
- **Truck drivers** paid by the load, whose income falls immediately when volumes drop.
- **Retailers**, who may face higher prices or gaps on their shelves later in the year.

Some larger companies moved goods early, bringing in extra inventory before expected tariff increases, which inflated volumes earlier in the year and makes the current decline look steeper by comparison, analysts said.

Lindgren said he had started answering his phone with a question of his own. "Customers call and ask what's going to happen," he said. "I ask them if they've heard anything. Usually they haven't either."

*The Coastal Courier contributed reporting.*`,
			Credits: []Credit{
				{Source: "global-markets-daily", Kind: news.CreditAccordingTo, URL: "https://gmdaily.example/2026/container-bookings-us-routes"},
				{Source: "coastal-courier", Kind: news.CreditContributed},
			},
			Age:      12*24*time.Hour + 19*time.Hour + 7*time.Minute,
			Image:    ledgerArt(215, "Container traffic through Port Alder fell 9 percent last month from a year earlier."),
			Comments: true,
		},
		{
			Slug:       "shipyard-apprenticeships-draw-record-applicants",
			Section:    "business",
			Authors:    []string{"priya-natarajan"},
			Tags:       []string{"labor", "education"},
			Headline:   "Welders wanted: a Port Alder shipyard's apprenticeships draw a record 1,900 applicants",
			Standfirst: "Kestrel Marine Works pays apprentices while they learn, and a job is waiting at the end. Applications have tripled in two years as young people rethink the four-year degree.",
			Body: `When Kestrel Marine Works opened applications for its apprenticeship program this spring, the shipyard expected about 600 people to apply for 80 places. It got 1,900.

The four-year program, which trains welders, pipefitters, electricians and marine machinists, pays apprentices from their first day and guarantees a job at the yard to those who finish. Starting pay is $22 an hour, rising to about $38 for a journey-level tradesperson, with health insurance and a pension.

"We used to have to go to high schools and beg," said Dolores Fairweather, who directs the program and started at the yard as a welding apprentice in 1994. "Now the high schools call us."

The surge reflects a broader shift. Enrollment in apprenticeships and trade programs has risen nationwide as the cost of college has climbed, and as employers in construction, manufacturing and shipbuilding have struggled to replace retiring workers.

Kestrel, which builds and repairs ferries, fishing vessels and research ships, expects about a third of its 1,300 workers to retire within ten years. The yard recently won a contract to build two hybrid-electric ferries for the state, its largest order in decades.

## Learning by doing

Apprentices spend four days a week on the job and one day in classes at Alder Community College, which awards an associate degree to those who finish. Half of this year's class are women or people who are the first in their family to work in the trades, Fairweather said, up from almost none a decade ago.

Marisol Ekwueme, 24, left a university engineering program after two years and $31,000 in loans. She is now in her second year as an electrical apprentice.

"I was sitting in lectures about circuits I'd never touched," she said. "Now I'm wiring a ship that's going to carry 400 people across the bay. I know exactly what I'm learning and why."

## Turning people away

The record demand has a downside: most applicants are turned away. Fairweather said the yard was working with the college to add a pre-apprenticeship course for applicants who narrowly missed out, and had asked the state for money to expand the program to 120 places.

Asked what she tells those who are not accepted, Fairweather gave the same answer she offered in an interview broadcast via Northwind Public Radio's weekly business program: "Apply again. Half of my best people got in on their second try."`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditVia, URL: "https://northwind.example/business/2026/kestrel-apprentices"},
			},
			Age:      17*24*time.Hour + 8*time.Hour + 33*time.Minute,
			Image:    ledgerArt(219, "Kestrel Marine Works builds and repairs ferries, fishing vessels and research ships."),
			Comments: true,
		},

		// ---------------------------------------------------------- port-alder
		{
			Slug:       "route-9-bus-fare-free-for-a-year",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"transit", "city-council"},
			Headline:   "Port Alder's busiest bus line will go fare-free for a year",
			Standfirst: "The council voted 6 to 3 to drop fares on Route 9, which links Eastmoor to the waterfront, in a trial meant to test whether free rides bring back riders lost since 2020.",
			Body: `Riders on Route 9, Port Alder's busiest bus line, will no longer pay a fare starting next month, after the City Council voted 6 to 3 last night to make the route free for a one-year trial.

The line runs every ten minutes from the Eastmoor park-and-ride through Kestrel Hill and downtown to the ferry terminal, and carries about 7,800 riders on an average weekday. Ridership is still about 15 percent below where it was in 2019, and city officials hope that removing the $2 fare will close the gap.

The plan was first reported by the Port Alder Gazette last month, and it drew more than two hours of public comment before the vote.

"For a lot of families in Eastmoor, $4 a day is the difference between taking the bus and not going," said Councilmember Rosa Delacroix-Hart, who proposed the trial. "We want to find out what happens when that barrier is gone."

## What it will cost

The city expects to lose about $2.3 million in fare revenue over the year. Most of it will be covered by a one-time state grant for transit programs, with the rest coming from the city's parking fund.

The three council members who voted against the trial said they were not opposed to free fares in principle but worried about what happens when the grant runs out.

"It's easy to give something away for a year," said Councilmember Douglas Farrow. "It's a lot harder to take it back, and we have no plan to pay for it in year two."

## How the city will judge it

The council asked the transit department to report back every three months on:

- Daily ridership, compared with the same months a year earlier.
- How long buses spend at stops, which officials expect to fall without fare collection.
- Reports of safety problems or disorder on buses.
- Whether riders are new to transit or switching from other routes.

Bus drivers' union representatives said they supported the trial, noting that fare disputes are one of the most common causes of confrontations with passengers.

Tasha Morrow, who rides Route 9 from Eastmoor to her job at a downtown hotel, said she would save about $80 a month. "That's my phone bill," she said. "I'll take it."`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditFirstReported, URL: "https://pagazette.example/city/2026/route-9-free-fares"},
			},
			Age:      30*time.Hour + 50*time.Minute,
			Image:    ledgerArt(204, "Route 9 carries about 7,800 riders on an average weekday."),
			Comments: true,
		},
		{
			Slug:       "tenants-facing-eviction-get-free-lawyer",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"housing", "city-council"},
			Headline:   "Tenants facing eviction in Port Alder will get a free lawyer under a new city law",
			Standfirst: "The council unanimously approved a right-to-counsel program, joining a small number of U.S. cities that guarantee legal help to renters at risk of losing their homes.",
			Body: `Every tenant in Port Alder who is taken to court to be evicted will be entitled to a free lawyer under an ordinance the City Council approved unanimously last night, making Port Alder one of a small number of cities in the country to guarantee legal help to renters.

The program, which will cost about $3.4 million a year, will be run by the nonprofit Alder Legal Aid and phased in over 18 months, starting with households earning less than twice the federal poverty level.

Last year about 1,650 eviction cases were filed in Port Alder. In the vast majority, the landlord had a lawyer and the tenant did not.

"When one side has a lawyer and the other side has a piece of paper they don't understand, that's not a fair fight," said Council President Nathaniel Okoro. "This doesn't guarantee anyone wins. It guarantees the hearing is fair."

## What the research shows

Cities that have adopted similar programs have found that tenants with lawyers are much more likely to stay in their homes, or to get more time to move and avoid an eviction record that can make it hard to rent again. Some cities have also reported savings on emergency shelter and other services for families who would otherwise have become homeless.

Landlord groups did not oppose the ordinance but asked the council to fund mediation as well, to settle disputes before they reach court. The council added $400,000 for a mediation program in the same vote.

"Most of our members would much rather work something out than go to court," said Graham Thistlewood of the Port Alder Rental Housing Association. "Court is expensive for everyone."

## Waiting for the lawyers

The biggest challenge may be finding enough lawyers. Alder Legal Aid currently has four attorneys who handle housing cases and will need to hire about 20 more.

Its director, Imani Castellano-Reed, said the organization was recruiting from law schools around the region and planned to train volunteer attorneys from private firms. (She is not related to this reporter.)

For tenants like Marguerite Lowell, a 71-year-old retired bookkeeper who fought an eviction from her Northgate apartment last year without a lawyer, the change comes too late, but she testified in favor of it.

"I didn't know I had the right to ask for more time. I didn't know anything," she told the council. "I don't want the next person to walk in there as alone as I was."

*Northwind Public Radio contributed reporting.*`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditContributed},
			},
			Age:      9*24*time.Hour + 11*time.Hour + 2*time.Minute,
			Image:    ledgerArt(212, "About 1,650 eviction cases were filed in Port Alder last year."),
			Comments: true,
		},
		{
			Slug:       "central-library-reopens-after-three-years",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"books", "education"},
			Headline:   "Port Alder's Central Library reopens after three years, with a maker lab and a harbor view",
			Standfirst: "The $48 million renovation preserved the 1912 reading room and added a rooftop terrace, a recording studio and twice as much space for children.",
			Body: `The line outside Port Alder's Central Library stretched around the block this morning, an hour before the doors opened for the first time in three years.

Inside, the grand reading room, with its coffered ceiling and tall arched windows, looks much as it did when the library opened in 1912. Almost everything else has changed.

The $48 million renovation, paid for by a bond measure voters approved in 2021 and by private donations, doubled the space for children and teenagers, added a maker lab with 3D printers, sewing machines and a laser cutter, and built a small recording studio that anyone with a library card can book. A new rooftop terrace looks out over the harbor to the breakwater light.

"We wanted to keep what people loved and fix everything they complained about," said Odalys Whitford, the city librarian. "They loved the reading room. They complained about everything else."

## A building for everyone

The old library was notoriously hard to navigate, with half-levels, narrow stairways and only one small elevator. The renovated building has a new central staircase, three elevators and step-free entrances on two streets.

Among the other changes:

- A larger local history room holding the archive of the Port Alder Gazette back to 1887, now being digitized.
- Quiet study rooms that can be reserved online.
- Extended hours until 9 p.m. on weeknights.
- A cafe run by a nonprofit that trains young people for restaurant jobs.

The project ran about eight months behind schedule and roughly $3 million over its original budget, mostly because workers found more damage to the building's foundation than engineers had expected, and because the city chose to strengthen the structure against earthquakes.

## First in line

Eleanor Baptiste, 82, was first in line, having arrived at 6:45 a.m. with a thermos and a folding chair. She has had a card at the Central Library since 1951.

"I came here after school every day when I was a girl," she said. "I read every book in the children's room about the sea. I wanted to see it open again before I go."

Behind her, Jonah Mendez, 15, was waiting to book the recording studio for his band. "We've been practicing in my garage," he said. "My neighbors are going to be very happy about this."

The library's branch at Harlow Flats, which served as the temporary main library during construction, will return to its normal hours next week.`,
			Age:      15*24*time.Hour + 3*time.Hour + 27*time.Minute,
			Image:    ledgerArt(246, "A new rooftop terrace at the Central Library looks out over the harbor to the breakwater light."),
			Comments: true,
		},
		{
			Slug:       "city-auditor-finds-unbilled-water-charges",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"city-council"},
			Headline:   "City auditor finds $4.2 million in water charges Port Alder never billed",
			Standfirst: "Hundreds of commercial accounts went years without accurate bills after a software upgrade. The city says it will not try to collect from homeowners.",
			Body: `Port Alder failed to bill businesses and institutions for about $4.2 million worth of water and sewer service over four years, largely because of errors introduced when the city replaced its billing software, according to a report released today by City Auditor Gwendolyn Achterberg.

The audit found that 640 commercial accounts, including restaurants, hotels, laundries and two hospitals, were billed for less water than they used, or not billed at all, after the utility moved to a new system in 2021. In many cases, meters that had been replaced were never linked to the accounts they served.

"This was not fraud, and it was not one person's mistake," Achterberg told the council's finance committee. "It was a system that nobody was checking, and a lot of small errors that added up to a very large number."

The problem was first identified by a utility clerk who noticed that a large hotel's bill had not changed in three years, and was later described in detail by the Port Alder Gazette. Council members, citing the Gazette's reporting, asked for the audit last year.

## Where the money went

The unbilled charges do not mean water was lost; customers used it, and the city paid to treat and deliver it. But because the city's water utility must balance its books, the shortfall was effectively covered by other ratepayers, including homeowners.

"Every household in this city paid a little more so that a few hundred businesses could pay less," said Councilmember Ifeoma Vance, who chairs the finance committee. "That's not fair, and we need to fix it."

## What happens now

The auditor recommended that the city:

1. Reconcile every commercial meter with its account within six months.
2. Bill businesses for the past 12 months of undercharged service, as state law allows, with the option of payment plans.
3. Create a regular review of accounts whose bills show little or no change over time.

The utility's director, Clement Osei-Barrow, said his department accepted all three recommendations and had already corrected about 400 accounts. He said the city would not seek back payment from residential customers, none of whom were found to have been significantly underbilled.

Business groups asked the council to be flexible. "Many of these businesses had no idea," said Leona Farrugia of the Port Alder Chamber of Commerce. "A sudden bill for a year of water could put a small restaurant under."

The council is expected to vote on the billing plan next month.`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditCiting, URL: "https://pagazette.example/city/2026/water-billing-errors"},
			},
			Corrections: []Correction{
				{Kind: news.KindCorrection, Text: "An earlier version of this story misspelled the name of the city auditor. She is Gwendolyn Achterberg, not Gwendolyn Achterman.", Age: 29*24*time.Hour + 2*time.Hour + 40*time.Minute},
			},
			Age:        29*24*time.Hour + 18*time.Hour + 14*time.Minute,
			UpdatedAge: 29*24*time.Hour + 2*time.Hour + 40*time.Minute,
			Image:      ledgerArt(203, "The audit found 640 commercial water accounts were underbilled or not billed at all."),
			Comments:   true,
		},
		{
			Slug:       "high-wind-warning-coast-tonight",
			Section:    "port-alder",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"weather", "transit"},
			Headline:   "High wind warning: gusts up to 60 mph expected along the coast tonight",
			Standfirst: "Forecasters say the strongest winds will arrive after 9 p.m. Evening ferry crossings are canceled, and the city is urging residents to secure loose items and charge their phones.",
			Body: `A high wind warning is in effect for Port Alder and the rest of the coast from 6 p.m. tonight until 10 a.m. tomorrow, with gusts of up to 60 mph expected along exposed shorelines and 45 mph inland, the National Weather Service said this afternoon.

The strongest winds are expected between 9 p.m. and 3 a.m., as a deep low-pressure system passes offshore. Forecasters said the storm would bring about an inch of rain, with heavier amounts in the hills east of the city.

"Falling trees and branches are the biggest danger with a storm like this, especially with the ground already wet," said Colm Ridley, a meteorologist who forecasts for the coast. "If you can stay home tonight, stay home."

## What's canceled or changed

- **Ferries:** All crossings after 5:30 p.m. are canceled. Morning service will resume once crews have inspected the terminals.
- **Buses:** Routes will run as normal, but expect detours where trees or lines come down.
- **Parks:** Waterfront Park and the breakwater walk are closed until tomorrow afternoon.
- **Schools:** The school district said classes will go ahead as normal tomorrow unless it announces otherwise by 6 a.m.

## How to prepare

City emergency managers urged residents to bring in or tie down outdoor furniture, bins and decorations, charge phones and flashlights, and keep a few days' supply of water and any needed medication on hand.

Alder Coast Power said it had crews on standby and asked customers to report outages online or by phone rather than on social media. It warned residents to stay at least 30 feet away from any downed line and to assume it is live.

The city's emergency shelter at the Harlow Flats Community Hall will open at 7 p.m. for anyone who needs a safe place to stay, and pets are welcome.

The Harbor Ledger will update this story overnight as conditions change.`,
			Age:      1*time.Hour + 4*time.Minute,
			Comments: false,
		},
	}
}
