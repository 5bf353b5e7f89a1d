package demo

import (
	"time"

	"github.com/herald-news/herald/internal/news"
)

// storiesB holds the demo stories for the Climate, Science & Health, Culture
// and Port Alder sections.
func storiesB() []Story {
	return []Story{
		// ---------------------------------------------------------------- climate
		{
			Slug:       "marine-heat-wave-lingers-off-port-alder",
			Section:    "climate",
			Authors:    []string{"tomas-lindqvist"},
			Tags:       []string{"oceans", "fisheries"},
			Headline:   "A marine heat wave off Port Alder refuses to break, and it is reaching deeper water",
			Standfirst: "Surface waters on the outer shelf have run up to 3 degrees Celsius above normal for ten months. Researchers say the warmth now extends well below the surface, where storms cannot easily stir it away.",
			Body: `Water temperatures off Port Alder have stayed well above their seasonal average for nearly ten months, the longest such stretch on record for the outer shelf, according to a new analysis from the Harbor Institute for Ocean Research.

The institute's network of moored sensors, which has logged temperatures at six depths since 2009, found that surface readings have run between 1.5 and 3 degrees Celsius above the long-term norm for most of that time. More worrying to the researchers is what the sensors found below: at 60 meters, the water is nearly 2 degrees warmer than usual, a sign that the heat is no longer a thin skin that a few storms can mix away.

"Normally the winter storms churn this out and we start the year fresh," said Dr. Ines Kowalczyk, a physical oceanographer who leads the institute's monitoring program. "This time the storms came, the mixing happened, and it simply mixed warm water with more warm water."

## What the warmth is doing

Marine heat waves, periods when ocean temperatures stay in the warmest tenth of their historical range for at least five days, have become more frequent worldwide as the oceans absorb most of the excess heat trapped by greenhouse gases. Off Port Alder, the effects are already showing up at the fish pier.

- Dungeness crab landings fell 22 percent last season compared with the five-year average.
- Fishermen report market squid, normally a southern species, in their nets as far north as Cape Ransom.
- The institute's plankton tows are dominated by the smaller, leaner copepods typical of warm years, a poorer food source for juvenile salmon.

"You don't need a thermometer to see it," said Ray Delgado-Finch, who has fished out of Port Alder for 31 years. "You see it in what comes up in the pots, and in what doesn't."

The researchers stress that one long heat wave does not set a new normal, and that a shift in the prevailing winds could end the event within weeks. But they say the pattern fits projections that such events will grow longer and more common through the middle of the century.

The report recommends that state fishery managers weigh heat-wave forecasts when they set season openings, an idea the Alder County Fishermen's Cooperative has said it is willing to discuss.

"We would rather plan for it than be surprised by it," Dr. Kowalczyk said. "The ocean is telling us something. The question is whether we are set up to listen."`,
			Credits: []Credit{
				{Source: "harbor-institute", Kind: news.CreditAccordingTo, URL: "https://harborinstitute.example/reports/2026/outer-shelf-heat"},
			},
			Age: 2*24*time.Hour + 5*time.Hour + 13*time.Minute,
			Image: &Image{
				Seed:    1517,
				Alt:     IllustrationAlt(1517),
				Caption: "Surface waters on the outer shelf off Port Alder have run well above normal for ten months.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "heat-pump-rebate-fund-runs-dry",
			Section:    "climate",
			Authors:    []string{"tomas-lindqvist", "priya-natarajan"},
			Tags:       []string{"energy", "housing"},
			Headline:   "State heat pump rebates run out months early, leaving thousands of homeowners waiting",
			Standfirst: "The Coastal Efficiency Fund committed its entire annual budget with a third of the year still to go. Installers say customers who signed contracts are now asking who will pay.",
			Body: `A state program that pays homeowners to replace oil and gas furnaces with electric heat pumps has committed its entire annual budget four months before the end of its fiscal year, leaving more than 3,000 applicants on a waiting list and installers struggling to explain the delay to their customers.

The Coastal Efficiency Fund, created by the legislature two years ago, offers rebates of up to $8,000 to households that install a heat pump and retire a fossil-fuel heating system. Officials had budgeted $42 million for the year. Every dollar has now been claimed, said Lorraine Achebe, the fund's director.

"Demand has been far beyond what anyone modeled," Achebe said. "That is a good problem to have, but it is still a problem for the family that signed a contract expecting a rebate next month."

Heat pumps, which move heat rather than generate it by burning fuel, can use a third or less of the energy of the systems they replace and are central to most state plans to cut emissions from buildings. They are also getting cheaper. Wholesale prices for mid-size residential units have fallen about 11 percent over the past year, citing distributor figures reported by Global Markets Daily, as manufacturers expanded production and supply-chain bottlenecks eased.

## Installers feel the squeeze

For small contractors, the sudden stop has been costly. Marcus Whitlow, who runs a four-person heating company in Port Alder's Eastmoor neighborhood, said three customers had canceled jobs in the past two weeks and two more had asked to delay.

"People budgeted around that check," Whitlow said. "I've got equipment sitting in my shop that was ordered for houses that may not happen now."

The fund posted a notice on its website that reads, in part:

> Applications received after the program reached its funding limit will be reviewed in the order received if additional money becomes available. Submitting an application does not guarantee a rebate.

State Senator Evelyn Marsh-Oduya, who wrote the law that created the fund, said she would seek an emergency appropriation of $15 million when the legislature reconvenes. She acknowledged it would face resistance from colleagues worried about a tight budget.

"We told people to make the switch, and they did," she said. "Walking away from them now would teach everyone that these programs can't be trusted."

A spokesman for the state budget office said any new money would have to be weighed against other priorities, and declined to say whether the governor would support the request.`,
			Credits: []Credit{
				{Source: "global-markets-daily", Kind: news.CreditCiting, URL: "https://gmdaily.example/2026/heat-pump-wholesale-prices"},
			},
			Age: 7*24*time.Hour + 21*time.Hour + 19*time.Minute,
			Image: &Image{
				Seed:    1538,
				Alt:     IllustrationAlt(1538),
				Caption: "More than 3,000 households are on a waiting list for the state's heat pump rebates.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "early-smoke-season-forecast-inland-valleys",
			Section:    "climate",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"wildfires", "public-health", "weather"},
			Headline:   "Forecasters warn of an early and smoky fire season in the valleys east of Port Alder",
			Standfirst: "The driest stretch in more than two decades has left grass and brush primed to burn. Health officials are opening clean-air centers ahead of schedule.",
			Body: `Fire forecasters expect the smoke season in the inland valleys east of Port Alder to begin as much as three weeks earlier than usual, after the driest six months in more than two decades left grasses and brush ready to burn, the Atlas Wire Service reported.

The regional fire coordination center's seasonal outlook rates the risk of large fires as "above normal" for the entire Alder River valley and the foothills beyond it. Rainfall at the Pell Junction weather station is at 41 percent of its 30-year average, and fuel moisture readings in dead brush are already at levels typically seen at the height of summer.

"We are looking at a landscape that is ready now, not in a month," said Corinne Vasquez-Hale, a fire meteorologist at the center. "The question is no longer whether we get fires, but how many start at once and which way the wind blows when they do."

## Smoke travels farther than flames

For most residents of Port Alder, the greater risk is not fire but smoke. Fine particles from wildfire smoke can travel hundreds of miles and lodge deep in the lungs, and studies have linked heavy smoke days to increases in asthma attacks, heart problems and emergency room visits.

The Alder County Health Department said it would open clean-air centers, public buildings with filtered air, two weeks earlier than in previous years. Dr. Samuel Oyelaran, the county health officer, urged residents to prepare before the first smoky day arrives:

- Check that a portable air cleaner or a box fan fitted with a filter is on hand.
- Keep a supply of well-fitting N95 masks, which block most fine particles. Cloth masks do not.
- Sign up for the county's air quality text alerts.
- Check on older neighbors and anyone with heart or lung disease.

"Smoke is a public health emergency that arrives on the breeze," Dr. Oyelaran said. "An hour of planning now can keep someone out of the hospital later."

State forestry officials said they had hired 140 seasonal firefighters ahead of schedule and moved two air tankers to the regional airport at Harlow Flats. Crews have also begun controlled burns along ridgelines above three valley towns, weather permitting.

Officials asked residents to avoid outdoor burning, to keep vehicles off dry grass and to report any smoke they see to emergency dispatchers immediately.`,
			Credits: []Credit{
				{Source: "atlas-wire", Kind: news.CreditVia, URL: "https://atlaswire.example/2026/fire-outlook-alder-valley"},
			},
			Corrections: []Correction{
				{Kind: news.KindUpdate, Text: "This story has been updated with the county health department's announcement that two clean-air centers, at the Eastmoor Library and the Harlow Flats Community Hall, will open this weekend.", Age: 3*time.Hour + 12*time.Minute},
			},
			Age:        14*time.Hour + 41*time.Minute,
			UpdatedAge: 3*time.Hour + 12*time.Minute,
			Image: &Image{
				Seed:    1542,
				Alt:     IllustrationAlt(1542),
				Caption: "Fuel moisture in the Alder River valley is already at levels usually seen at the height of summer.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: false,
		},
		{
			Slug:       "volunteer-divers-replant-kelp-forest",
			Section:    "climate",
			Authors:    []string{"tomas-lindqvist"},
			Tags:       []string{"oceans"},
			Headline:   "Volunteer divers are replanting a kelp forest off Gull Point, one rope at a time",
			Standfirst: "Nine in ten acres of bull kelp near Port Alder vanished in a decade. A group of recreational divers is trying to bring some of it back.",
			Body: `On a gray morning off Gull Point, eleven divers in thick wetsuits rolled backward off a borrowed crab boat and sank toward a seafloor that, a decade ago, was shaded by a canopy of bull kelp. Today it is mostly bare rock and purple sea urchins.

The divers, members of a volunteer group called Kelp Again, are tying lengths of rope seeded with young kelp to anchors on the bottom, hoping to restart a forest that once stretched for nearly two miles along this part of the coast. The effort was first reported by The Coastal Courier.

Kelp forests are among the most productive habitats in the ocean, sheltering rockfish, abalone and dozens of other species. Along much of the Pacific coast they collapsed in the mid-2010s, when a marine heat wave weakened the kelp and a disease wiped out the sunflower sea stars that kept urchin populations in check. Freed from their predators, the urchins ate what remained.

"People picture a forest burning down," said Dana Whitcombe, a retired high school biology teacher who founded the group. "This was more like a forest being eaten, very slowly, while nobody was watching."

## A test plot, not a miracle

The group is working on a plot about the size of two football fields, under a permit from the state wildlife agency. Before planting, divers spent much of last year removing urchins by hand, more than 40,000 of them, crushed and left for crabs and fish to eat.

The first results are modest but encouraging. Survey dives found kelp stalks reaching the surface on about a third of the ropes planted in the first round, according to the group's records.

Scientists who study kelp say such projects are valuable but limited. Dr. Felix Amundsen, a marine ecologist who advises the group, said restoration on this scale cannot replace what was lost without cooler water and a return of the urchins' natural predators.

"What these divers are doing is proving what works and what doesn't, so that when conditions turn, we are ready to scale up," he said. "That is not a small thing."

For Whitcombe, the measure of success is simpler. On a recent dive she saw a school of juvenile rockfish sheltering among the new blades.

"They found it before we finished planting," she said. "That tells you how badly they needed it."

The group plans to expand the plot next year if funding from a state restoration grant comes through.`,
			Credits: []Credit{
				{Source: "coastal-courier", Kind: news.CreditFirstReported, URL: "https://coastalcourier.example/2026/kelp-again-gull-point"},
			},
			Age: 20*24*time.Hour + 2*time.Hour + 51*time.Minute,
			Image: &Image{
				Seed:    1559,
				Alt:     IllustrationAlt(1559),
				Caption: "Volunteers have planted young kelp on ropes over a plot the size of two football fields off Gull Point.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "offshore-wind-lease-draws-record-bids",
			Section:    "climate",
			Authors:    []string{"tomas-lindqvist", "priya-natarajan"},
			Tags:       []string{"energy", "fisheries"},
			Headline:   "Offshore wind lease off the Alder coast draws record bids, and wary fishermen",
			Standfirst: "Three developers offered a combined $612 million for the right to build turbines 20 miles offshore. Crabbers and trawlers want to know where they will be allowed to fish.",
			Body: `Three energy companies bid a combined $612 million for the right to develop wind farms in deep water about 20 miles off the Alder County coast, a record for a lease sale in the region and a sign of growing industry confidence in floating turbine technology.

The winning bid for the largest of the three lease areas, $287 million, came from Westerly Offshore Power, a joint venture of a utility and an infrastructure investment fund. The other two areas went to Brightline Renewables and a consortium called Pacific Crest Wind.

Unlike the fixed-bottom turbines common in shallower seas, turbines in these waters would float on anchored platforms in depths of more than 600 meters. The technology is still young, and analysts cited by The Meridian Post have said the first projects will cost far more per megawatt than onshore wind or solar power.

"Nobody pays these prices unless they believe the cost curve is going to bend," said Anjali Roth, an energy analyst at the consultancy Tidewater Partners. "They are buying an option on the future of the industry."

## Who else uses the water

If the three areas are fully developed, they could generate enough electricity for roughly 1.5 million homes, according to estimates published with the sale. But the lease areas overlap fishing grounds used by Port Alder's crab and groundfish fleets, and the mooring lines and undersea cables raise questions about where boats and gear can safely go.

"We are not against wind," said Teresa Nakamura-Boyd, who manages the Alder County Fishermen's Cooperative. "We are against being told where we can't fish after the fact. Put us at the table before the first anchor goes in."

Federal rules require the developers to consult with fishing groups and to submit detailed construction plans that undergo years of environmental review. Westerly said it would open a liaison office in Port Alder and has hired a former crab boat captain to lead it.

The first turbines are not expected to turn before the early 2030s. Building them will also require a port capable of assembling platforms taller than most office buildings, and Port Alder's harbor commission has begun studying whether its southern terminal could be converted for the work.

Harbor commissioners said they would discuss the study at their next public meeting.`,
			Credits: []Credit{
				{Source: "meridian-post", Kind: news.CreditCiting, URL: "https://meridianpost.example/2026/floating-wind-costs"},
				{Source: "atlas-wire", Kind: news.CreditContributed},
			},
			Age: 4*24*time.Hour + 10*time.Hour + 6*time.Minute,
			Image: &Image{
				Seed:    1573,
				Alt:     IllustrationAlt(1573),
				Caption: "The lease areas lie in water more than 600 meters deep, about 20 miles off the Alder County coast.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "king-tides-preview-port-alder-flooding",
			Section:    "climate",
			Authors:    []string{"tomas-lindqvist"},
			Tags:       []string{"oceans", "weather"},
			Headline:   "This week's king tides are a preview of Port Alder's everyday future",
			Standfirst: "The highest tides of the year put seawater in the streets of the Lower Wharf district. By mid-century, the city expects tides like these dozens of times a year.",
			Body: `For a few hours this week, the Lower Wharf district looked like the future that Port Alder's planners have been warning about. Seawater bubbled up through storm drains on Cannery Street, pooled across the parking lot of the ferry terminal and lapped at the doorsteps of shops along Front Street.

There was no storm. The flooding was caused by king tides, the informal name for the highest tides of the year, which occur when the moon is closest to Earth and aligned with the sun. They have always happened. What has changed is the height of the sea they ride on.

Sea level at the Port Alder tide gauge has risen about 20 centimeters since the gauge was installed in the 1930s, and the rate has accelerated in recent decades. The city's own climate plan projects at least another 30 centimeters by 2060.

"A king tide today is an ordinary high tide in thirty years," said Miriam Sandoval, the city's resilience coordinator. "We are not guessing about that. We are watching it happen on the same streets, a little higher each year."

## Counting the wet days

City engineers counted 14 days of tidal flooding in the Lower Wharf last year, up from two or three a year in the 1990s. Their projections suggest that number could pass 60 by mid-century without new protections.

Some of the costs are already visible:

- Salt water has corroded electrical boxes at the ferry terminal twice in three years.
- Two restaurants on Front Street now keep sandbags by the door from late autumn to early spring.
- The city's pump station on Cannery Street, built in 1974, runs far more often than it was designed to.

"You learn the tide table like a fisherman," said Luis Ferreira-Boone, who owns a hardware store that has been on Front Street since his grandfather opened it. "Some mornings you check it before you check the weather."

The city has asked residents to photograph flooding during the king tides and submit the images through its website, where they are used to check and refine flood maps. Sandoval said more than 300 photos had come in by midweek.

The city council is expected to receive a draft plan for raising the Front Street seawall and upgrading the pump station early next year. The first estimate for the work is $94 million, most of which the city hopes to cover with state and federal grants.`,
			Age: 27*24*time.Hour + 3*time.Hour + 8*time.Minute,
			Image: &Image{
				Seed:    1586,
				Alt:     IllustrationAlt(1586),
				Caption: "King tides occur when the moon is closest to Earth and aligned with the sun.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},

		// --------------------------------------------------------- science-health
		{
			Slug:       "measles-case-prompts-pop-up-vaccine-clinics",
			Section:    "science-health",
			Authors:    []string{"hannah-brightwater"},
			Tags:       []string{"vaccines", "public-health"},
			Headline:   "Measles case at Port Alder airport prompts pop-up vaccine clinics",
			Standfirst: "A traveler with measles passed through the terminal while contagious. County health officials are contacting hundreds of people and opening free clinics this week.",
			Body: `Alder County health officials are opening free vaccination clinics and contacting hundreds of travelers after a person with measles passed through Port Alder Regional Airport while contagious, the first confirmed case in the county in six years.

The case was first reported by Northwind Public Radio. The county health department later confirmed that an unvaccinated adult who had recently traveled abroad was diagnosed with measles after arriving on an evening flight and spending about two hours in the main terminal.

Measles is one of the most contagious diseases known. The virus can linger in the air of an enclosed space for up to two hours after an infected person leaves, and it infects about nine in ten unprotected people who are exposed. Two doses of the measles, mumps and rubella vaccine are about 97 percent effective at preventing the disease.

"Most people in our county are protected, and for them the risk is very low," said Dr. Samuel Oyelaran, the county health officer. "Our concern is for infants too young to be vaccinated, people with weakened immune systems, and the pockets of our community where vaccination rates have slipped."

## Where coverage has slipped

Public health experts generally say about 95 percent of a community must be immune to prevent measles from spreading. Alder County as a whole is just above that line, but state school data show that 11 of its 48 elementary schools reported kindergarten vaccination rates below 90 percent last year.

The health department is asking anyone who was in the terminal during the exposure window to:

1. Check their vaccination records, or ask their doctor whether they are protected.
2. Watch for fever, cough, runny nose and red eyes for 21 days after the exposure, followed by a rash that starts on the face.
3. Call a doctor before visiting a clinic or emergency room if symptoms appear, so that staff can keep others from being exposed.

The pop-up clinics, at the Eastmoor Library and the Harbor Community Center, will offer the vaccine free of charge to anyone six months or older, with no appointment needed.

Rosa Iglesias-Park, a pediatric nurse who will staff the Eastmoor clinic, said she expected parents with questions as well as those ready for a shot.

"We'll answer every question people bring," she said. "A worried parent who talks to us is exactly who we want to see."`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditFirstReported, URL: "https://northwind.example/news/2026/measles-airport-exposure"},
			},
			Age: 31*time.Hour + 26*time.Minute,
			Image: &Image{
				Seed:    1604,
				Alt:     IllustrationAlt(1604),
				Caption: "County clinics will offer the measles, mumps and rubella vaccine free to anyone six months or older.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "ai-tool-lung-nodules-hospital-trial",
			Section:    "science-health",
			Authors:    []string{"hannah-brightwater"},
			Tags:       []string{"artificial-intelligence", "public-health"},
			Headline:   "An AI reader caught more early lung cancers in a hospital trial. Radiologists still made the calls",
			Standfirst: "In a trial of 18,400 chest scans, software working alongside doctors found more small tumors without a rise in false alarms. Researchers caution that the results come from a single health system.",
			Body: `Radiologists who used artificial intelligence software to help read chest CT scans detected about 17 percent more early-stage lung cancers than colleagues working without it, according to a randomized trial at a regional hospital network, a finding first reported by The Meridian Post.

The trial, conducted across four hospitals run by Cascadia Health Partners, assigned 18,400 scans at random to be read either by a radiologist alone or by a radiologist who could see the software's suggestions. The software flags small spots in the lung, called nodules, and estimates how likely each is to be cancer.

The rate of false alarms, in which a patient was sent for further testing and turned out not to have cancer, did not rise significantly in the software group, the researchers reported.

"The software doesn't get tired at the end of a twelve-hour shift, and it doesn't skip the corner of the image," said Dr. Leona Farrukh, the radiologist who led the study. "But it also doesn't know the patient. The decision stayed with the doctor every time."

## Reading the fine print

Lung cancer is the leading cause of cancer death in the United States, largely because most cases are found late. Tumors caught while they are small are far more treatable, which is why screening programs for people with a long history of smoking have expanded in recent years.

Independent experts called the trial well designed but urged caution. Dr. Howard Kimathi, an epidemiologist who was not involved in the research, noted three limits:

- All the hospitals used scanners from the same manufacturer, and software trained on one kind of image does not always perform as well on another.
- The trial counted cancers found, not lives saved. That requires years of follow-up.
- Most of the additional cancers were very small, and some might never have caused harm.

"This is a good result, and it is one result," Dr. Kimathi said. "I would want to see it repeated somewhere with different patients and different machines before anyone rewrites the rules."

Cascadia Health Partners said it would keep using the software while a second trial, at two hospitals in another state, gets under way. The company that makes the tool, Lumen Diagnostics, funded part of the study but did not take part in analyzing the results, the authors said.

Dr. Farrukh said the real test would come with time. "Ask me in five years how many of these patients are alive," she said. "That is the number that matters."`,
			Credits: []Credit{
				{Source: "meridian-post", Kind: news.CreditFirstReported, URL: "https://meridianpost.example/2026/ai-lung-screening-trial"},
			},
			Corrections: []Correction{
				{Kind: news.KindCorrection, Text: "An earlier version of this story misstated the number of scans in the trial. It was 18,400, not 14,800.", Age: 10*24*time.Hour + 22*time.Hour + 19*time.Minute},
			},
			Age:        11*24*time.Hour + 4*time.Hour + 37*time.Minute,
			UpdatedAge: 10*24*time.Hour + 22*time.Hour + 19*time.Minute,
			Image: &Image{
				Seed:    1627,
				Alt:     IllustrationAlt(1627),
				Caption: "The software flags small spots in the lung and estimates how likely each is to be cancer.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "student-built-instrument-heads-to-the-moon",
			Section:    "science-health",
			Authors:    []string{"hannah-brightwater", "ledger-wire"},
			Tags:       []string{"space", "education"},
			Headline:   "A dust detector built by Port Alder students is going to the moon",
			Standfirst: "The shoebox-sized instrument will ride on a commercial lander to measure how lunar dust clings to surfaces, a problem that bedeviled the Apollo astronauts.",
			Body: `A shoebox-sized instrument designed and built by students at Port Alder Community College has been selected to fly on a commercial lunar lander, making the college one of the smallest institutions ever to send hardware to the moon, the Atlas Wire Service reported.

The device, called DUSTMOTE, will measure how fine lunar dust builds up on surfaces over two weeks of daylight near the moon's south pole. It was one of six university payloads chosen for the mission by Selene Logistics, a private company that sells space on its landers to researchers and space agencies.

Lunar dust is a serious engineering problem. Unlike sand on Earth, which is worn smooth by wind and water, moon dust is jagged and electrically charged, so it clings to everything. The Apollo astronauts found that it scratched visors, clogged seals and coated their suits within hours of stepping outside.

"Everyone who wants to build a base on the moon has to solve dust," said Professor Adaeze Lindgren, the physics instructor who advises the student team. "Our students are going to collect real data on it. Not a simulation. The real thing."

## Built in a converted classroom

The team of 14 students, most of them in two-year engineering and electronics programs, spent nearly three years building the instrument in a converted chemistry classroom. It uses a set of small glass plates and a laser that measures how much light the dust blocks as it accumulates.

The project survived a failed vibration test, a circuit board that had to be redesigned twice and the graduation of most of its original members.

"Half the people who started this aren't here anymore," said Kai Montgomery-Ruiz, 20, the team's current lead. "We've been working off their notes and their code. When it lands, it's theirs as much as ours."

The lander is scheduled to launch within the next year, though commercial lunar missions have often slipped. Two of the last five privately built landers to attempt a moon landing failed to touch down intact, a risk the students said they had accepted from the start.

"If it doesn't make it, we learned to build something that could," Montgomery-Ruiz said. "But it's going to make it."

The college has received $1.2 million in grants for the project, most of it from a federal program that supports science education. It plans to stream the landing in its auditorium, and has invited the public.`,
			Credits: []Credit{
				{Source: "atlas-wire", Kind: news.CreditVia, URL: "https://atlaswire.example/2026/community-college-lunar-payload"},
			},
			Age: 16*24*time.Hour + 8*time.Hour + 3*time.Minute,
			Image: &Image{
				Seed:    1648,
				Alt:     IllustrationAlt(1648),
				Caption: "The students' instrument will measure how lunar dust accumulates near the moon's south pole.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "night-shift-workers-sleep-study",
			Section:    "science-health",
			Authors:    []string{"hannah-brightwater"},
			Tags:       []string{"public-health", "labor"},
			Headline:   "Study of cannery and hospital night workers finds shift schedules matter more than shift length",
			Standfirst: "Workers whose schedules rotated every few days slept an hour less on average than those on fixed nights. The researchers say employers could change that without cutting hours.",
			Body: `Night-shift workers whose schedules rotate every few days sleep about an hour less per day than colleagues who work fixed night shifts, according to a two-year study of more than 900 workers at fish processing plants and hospitals along the coast.

The study, led by researchers at the State University's school of public health, tracked participants with wrist-worn sleep monitors and regular health checks. Additional reporting for this story was contributed by Northwind Public Radio, which interviewed several of the workers who took part.

Workers on rapidly rotating schedules also reported more minor workplace injuries and were more likely to have elevated blood pressure by the end of the study, though the researchers cautioned that the study was observational and could not prove that the schedules caused those differences.

"We went in expecting the length of the shift to be the big factor," said Dr. Priscilla Haugen, an occupational health researcher who led the work. "It turned out that how often the schedule flipped mattered more than how long people worked. The body can adapt to nights. It struggles to adapt to chaos."

## What workers said

Many of the participants worked at canneries in Port Alder, where production schedules follow the fishing seasons and can change with only a day or two of notice.

"You'd do three nights, then two days, then back to nights," said Alma Torrente, who has worked on a processing line for 17 years and took part in the study. "My kids would ask if I was coming home for dinner, and honestly I didn't always know."

The researchers recommend that employers who need around-the-clock staffing consider several changes:

- Rotate schedules forward, from mornings to evenings to nights, rather than backward.
- Give at least 48 hours off after a run of night shifts.
- Post schedules at least two weeks in advance whenever possible.
- Let workers who prefer permanent nights choose them.

The Alder County Seafood Processors Association said in a statement that its members would review the findings, noting that fishing seasons and weather often leave plants with little control over when fish arrive.

Union representatives said they planned to raise scheduling in contract talks next year.

"This isn't about being comfortable," said Victor Osei-Lambert, an organizer with the regional food and commercial workers union. "It's about people falling asleep driving home on the coast highway."`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditContributed},
			},
			Age:      23*24*time.Hour + 6*time.Hour + 44*time.Minute,
			Comments: true,
		},
		{
			Slug:       "sunflower-sea-stars-return-to-alder-bay",
			Section:    "science-health",
			Authors:    []string{"hannah-brightwater", "tomas-lindqvist"},
			Tags:       []string{"oceans"},
			Headline:   "Sunflower sea stars, nearly wiped out a decade ago, are turning up again in Alder Bay",
			Standfirst: "Divers have counted dozens of young sea stars at sites where there had been none for years. Scientists are hopeful, but say one good year is not a recovery.",
			Body: `Divers surveying Alder Bay have found young sunflower sea stars at nine of 20 monitoring sites, the most widespread sightings since a wasting disease nearly erased the species from the Pacific coast a decade ago, according to the Harbor Institute for Ocean Research.

The institute's survey teams counted 63 juveniles this season, most of them smaller than a dinner plate. In the previous five years of surveys, they had found a total of four.

Sunflower sea stars can grow to nearly a meter across, with up to 24 arms, and they are among the few predators that eat purple sea urchins. When sea star wasting disease swept through the region, the urchins multiplied and stripped away kelp forests along hundreds of miles of coast.

"When I saw the first one, I honestly thought I was looking at a different species," said Noor Baptiste-Hale, a research diver with the institute. "We had spent so many dives looking for them and finding nothing."

## Reasons for caution

Scientists said the news was encouraging but urged restraint. Young sea stars are vulnerable to predators and to warm water, which appears to make the wasting disease worse, and a marine heat wave that has lingered off the coast for months could still take a toll.

Dr. Theo Marchetti, the institute's lead ecologist, said the team would be watching three things over the coming year:

1. Whether the juveniles survive to adulthood, which takes several years.
2. Whether signs of the wasting disease, such as lesions and lost arms, appear in the new animals.
3. Whether urchin numbers begin to fall at the sites where sea stars have returned.

"One good year is a hopeful sign, not a recovery," Dr. Marchetti said. "Ask us again in three years."

Where the juveniles came from is still unclear. Sea star larvae drift in the plankton for weeks, so they may have been carried in from populations elsewhere. Separately, several aquariums along the coast have been breeding sunflower sea stars in captivity in the hope of eventually returning them to the wild, though none have been released in Alder Bay.

For the divers who have spent years recording their absence, the sightings have been emotional.

"We kept the surveys going through all the empty years," Baptiste-Hale said. "That's the only reason we know this is happening at all."`,
			Credits: []Credit{
				{Source: "harbor-institute", Kind: news.CreditAccordingTo, URL: "https://harborinstitute.example/surveys/2026/alder-bay-sea-stars"},
			},
			Age: 6*time.Hour + 9*time.Minute,
			Image: &Image{
				Seed:    1661,
				Alt:     IllustrationAlt(1661),
				Caption: "Sunflower sea stars can grow to nearly a meter across and are among the few predators of purple sea urchins.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},

		// ---------------------------------------------------------------- culture
		{
			Slug:       "review-the-salt-road",
			Section:    "culture",
			Authors:    []string{"jules-amari"},
			Tags:       []string{"film"},
			Headline:   "Review: 'The Salt Road' is a quiet film about leaving home that stays with you for days",
			Standfirst: "Director Ilse Varga's second feature follows a fisherman's daughter on a long drive inland. It is patient, funny and devastating, sometimes in the same scene.",
			Body: `There is a moment about halfway through "The Salt Road" when Marisol, the film's young heroine, stops her father's battered pickup at a gas station in the desert and realizes she cannot smell the ocean anymore. She stands by the pump for a long time. Nothing happens. It is one of the most affecting scenes I have seen this year.

Director Ilse Varga's second feature is built from moments like that: small, unhurried and carefully observed. Marisol, played with remarkable stillness by newcomer Ana Beltrán-Cole, is the daughter of a coastal fisherman who has lost his boat to debt. When a cousin offers her a job in a city 800 miles inland, she takes the truck and goes, carrying her father's disapproval and a cooler full of smoked fish she has promised to deliver along the way.

What follows is a road movie in which the road matters less than the people who stop her on it: a widowed motel owner who insists on reading her palm, a pair of teenage brothers selling melons from a wheelbarrow, a retired long-haul trucker, played with gruff warmth by Desmond Achterberg, who takes one look at the pickup's tires and refuses to let her leave his town until they are replaced.

## A film that trusts its audience

Varga, who grew up in a fishing town herself, resists every temptation to explain. We learn about Marisol's mother only through a cassette tape she will not play. The father appears in person just twice, and the film's most important conversation happens over a bad phone line with half the words lost.

Some viewers will find the pace too slow. The middle third wanders, and a subplot about a stolen suitcase never earns its screen time. But the patience pays off. By the time Marisol reaches the city, we understand exactly what she has traded, and the final shot, which I will not describe, earned an audible gasp from the audience at the screening I attended.

The cinematographer, Tomasz Eklund, shoots the coast in cold blues and the interior in a flat, bleached gold, so that the change of landscape feels like a change of weather inside the character. The score, mostly solo guitar, is used sparingly and well.

"The Salt Road" is not a film that announces itself. It is one that you find yourself thinking about on the drive home, and then again a week later.

**"The Salt Road"** is rated PG-13 for language and brief smoking. Running time: 1 hour 58 minutes. Now showing at the Lantern Theater and the Eastmoor Cinema.`,
			Age: 3*24*time.Hour + 2*time.Hour + 58*time.Minute,
			Image: &Image{
				Seed:    1679,
				Alt:     IllustrationAlt(1679),
				Caption: "\"The Salt Road\" follows a fisherman's daughter on a long drive inland.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "alder-symphony-season-new-works",
			Section:    "culture",
			Authors:    []string{"jules-amari"},
			Tags:       []string{"music"},
			Headline:   "Port Alder Symphony bets its new season on living composers and cheaper seats",
			Standfirst: "Seven premieres, a $15 ticket for anyone under 30 and a concert in a working cannery: the orchestra's new music director is making a case for change.",
			Body: `The Port Alder Symphony will perform seven world premieres in its coming season, more than in the previous decade combined, and will sell $15 tickets to anyone under 30 for every concert, the orchestra announced, in the most ambitious program since its founding in 1952.

The season is the first planned entirely by Renata Solberg-Ikeda, who became music director last year after 14 years leading orchestras in Europe. The plans were reported earlier by the Port Alder Gazette, citing people who had seen a draft of the season brochure.

"An orchestra that only plays music by dead composers is a museum, and I love museums, but that is not what a city needs from us," Solberg-Ikeda said in an interview at Harborview Hall, where the orchestra performs. "The audience of the future is already here. We have to give them a reason to walk in the door."

## The highlights

Among the season's most anticipated events:

- **"Tidewater,"** a concerto for cello and orchestra by the Port Alder-born composer Elias Okonkwo-Strand, written for the orchestra's principal cellist.
- **A concert inside the former Northern Star cannery** on the waterfront, with a new work for orchestra and recorded sounds of the harbor by the composer Mirela Danescu.
- **A complete cycle of Beethoven's piano concertos** over two weekends with the pianist Hiroshi Castellanos, to balance the new music with familiar favorites.
- **A family concert** of music written by students at three Port Alder high schools, who will work with the orchestra's musicians throughout the year.

The orchestra's budget has been under pressure. Ticket sales have not fully recovered to their level before the pandemic, and the symphony ended last season with a deficit of about $400,000. Solberg-Ikeda and the board chair, Gloria Whitfield, said a three-year grant from a local family foundation would cover the cost of the discounted tickets and most of the commissions.

Not everyone is convinced. Some longtime subscribers have written to the orchestra worrying that too much unfamiliar music will drive away the core audience.

"I've had letters," Solberg-Ikeda acknowledged with a smile. "I answer all of them. I tell them: come to one premiere. If you hate it, I will buy you a drink at intermission. So far nobody has collected."

Subscriptions go on sale next month. Single tickets, including the $15 seats for those under 30, will be available two weeks later.`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditCiting, URL: "https://pagazette.example/arts/2026/symphony-season-preview"},
			},
			Age: 8*24*time.Hour + 13*time.Hour + 27*time.Minute,
			Image: &Image{
				Seed:    1693,
				Alt:     IllustrationAlt(1693),
				Caption: "The orchestra will perform seven world premieres in its coming season.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "review-the-keepers-almanac",
			Section:    "culture",
			Authors:    []string{"jules-amari"},
			Tags:       []string{"books"},
			Headline:   "Review: In 'The Keeper's Almanac,' a lighthouse becomes a world",
			Standfirst: "Corinna Vell's debut novel covers sixty years on a rock off a northern coast. It is old-fashioned in the best sense, and stranger than it first appears.",
			Body: `Corinna Vell's first novel opens with a list. It is the inventory of the Skarra Rock lighthouse on the day a young keeper named Aldous Penhallow arrives to take charge of it: two lamps, eleven gallons of oil, one Bible, a broken barometer, a cat of unknown temperament.

By the end of "The Keeper's Almanac," the inventory has been updated dozens of times across sixty years, and each revision tells a story. Items appear and vanish. A wedding ring shows up, then a child's shoe, then a radio. The cat, or a succession of cats, outlasts almost everyone.

The novel is structured as the lighthouse's own logbook, kept in turn by Aldous, his wife, Agnes, and finally their daughter, Wren, who grows up on the rock and later leaves it for the mainland. Vell, who worked for years as an archivist, has a gift for the texture of records: the weather columns, the notes about passing ships, the entries that say too little, and the gaps where nobody wrote anything at all.

> Wind NW, strong. Sea heavy. Lamp lit 4:12. Agnes did not speak today. I did not ask her to.

That entry, from early in the book, is typical of Vell's method. The drama of the marriage lives in what the keepers leave out, and the reader learns to read the silences as carefully as the words.

## Where the novel surprises

For its first half, "The Keeper's Almanac" reads like a finely made historical novel, and readers who enjoy that kind of book will be content. Then, with a single entry in a different hand, Vell changes the terms of the story, and the last hundred pages turn into something closer to a mystery about who has been writing the logbook and why. To say more would spoil it.

The book is not without faults. Wren's years on the mainland, told in letters rather than logbook entries, feel rushed, and a late subplot involving a shipwreck salvage company strains belief. Some readers may find the deliberately clipped style tiring over nearly 400 pages.

But these are the stumbles of an ambitious writer, not a careless one. Vell has written a novel about isolation, duty and the stories families tell themselves, and she has found an original shape for it. It is the kind of book that makes you want to go back to the first page as soon as you reach the last.

**"The Keeper's Almanac"** by Corinna Vell. Greyhaven Press. 384 pages. $28.`,
			Age: 12*24*time.Hour + 9*time.Hour + 16*time.Minute,
			Image: &Image{
				Seed:    1712,
				Alt:     IllustrationAlt(1712),
				Caption: "Corinna Vell's novel is told through sixty years of a lighthouse logbook.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "harborfront-film-festival-lineup",
			Section:    "culture",
			Authors:    []string{"jules-amari", "owen-castellano"},
			Tags:       []string{"film", "city-council"},
			Headline:   "Harborfront Film Festival unveils its biggest lineup, and a new home on the old ferry pier",
			Standfirst: "The festival will screen 84 films over ten days, including an outdoor cinema on Pier 4. The city council approved the lease for the pier by a single vote.",
			Body: `The Harborfront Film Festival will screen 84 films over ten days this year, its largest program in its 22-year history, and will move its outdoor screenings to the disused ferry pier at the foot of Cannery Street, organizers announced.

The lineup includes 31 features, 46 short films and seven restored classics, among them a newly restored print of a 1950s melodrama shot on location in Port Alder's harbor. The festival's plans were first reported by the Port Alder Gazette.

"For years people have asked us why the festival in a harbor town doesn't actually happen on the harbor," said Beatrix Olawale, the festival's artistic director. "Now it does. You'll be able to watch a film with the water on three sides of you and the ferry horns going off in the distance."

## A close vote at City Hall

The move to Pier 4 required approval from the city council, which owns the pier and had been weighing several proposals for its future, including a private marina. The council approved a three-year lease to the festival by a vote of 5 to 4.

Councilmember Desiree Fontaine, who voted in favor, called the festival "a rare event that brings people from across the region into our downtown without anyone having to build anything permanent."

Councilmember Harold Mbeki-Stone, who voted against the lease, said he supported the festival but worried about the pier's condition and the cost to the city of repairs. A city engineering report found that parts of the pier's deck needed reinforcement before it could hold large crowds.

"I love movies as much as anyone," Mbeki-Stone said. "I'd love them more if I knew the pier wasn't going to need a $2 million repair bill in year two."

Under the lease, the festival will pay for the reinforcement work, estimated at $340,000, and will pay the city a nominal rent of $1 a year. Organizers said a combination of sponsorships and a state arts grant would cover the cost.

## What to watch

The opening night film, "Low Water," is a drama about a family of oyster farmers, directed by the Port Alder native Jonah Whitaker-Lee. The festival's closing film has not yet been announced.

Passes go on sale next week. Outdoor screenings on Pier 4 will be free, with seating on a first-come basis, and the festival said blankets would be welcome but folding chairs would not.`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditFirstReported, URL: "https://pagazette.example/arts/2026/harborfront-festival-pier-4"},
			},
			Age: 19*time.Hour + 53*time.Minute,
			Image: &Image{
				Seed:    1726,
				Alt:     IllustrationAlt(1726),
				Caption: "Outdoor screenings will take place on the disused ferry pier at the foot of Cannery Street.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "cannery-songs-folk-revival",
			Section:    "culture",
			Authors:    []string{"ledger-wire"},
			Tags:       []string{"music", "labor"},
			Headline:   "The songs of Port Alder's cannery workers, nearly forgotten, are finding new voices",
			Standfirst: "A box of recordings found in a union hall has become an album, a concert series and a community choir. The singers range in age from 14 to 91.",
			Body: `For decades, the songs that women sang on the fish processing lines of Port Alder's canneries survived only in memory and on a box of reel-to-reel tapes that nobody had played since the 1970s. Now they are being sung again, by a choir that meets every week in the same union hall where the tapes were found, Northwind Public Radio reported.

The tapes were discovered three years ago by a volunteer clearing out a storage room at the hall of the regional food and commercial workers union. They held about 40 songs, some in English and some in Portuguese, Tagalog and Norwegian, recorded by a labor historian in the late 1960s.

"There were work songs to keep the rhythm on the line, songs making fun of the foreman, lullabies, a hymn," said Marguerite Solis-Anand, a music teacher who led the effort to transcribe them. "It was the whole life of those women, in their own voices."

## From tapes to a stage

Solis-Anand and a group of volunteers spent a year working out the melodies and lyrics, some of which were hard to hear over the recorded noise of the machinery. They then put out a call for singers. More than 60 people came to the first rehearsal.

The choir, which calls itself the Line Singers, now has 48 regular members, including several former cannery workers and the granddaughter of one of the women on the original tapes. The youngest member is 14. The oldest, Florence Amaral, is 91 and worked at the Northern Star cannery for 29 years.

"I knew some of these songs before I knew how to read," Amaral said. "I never thought I'd hear them again, and now here I am singing them with children."

One of the songs the choir performs most often, a fast call-and-response number called "Salt and Silver," includes a verse the women sang when a shift finally ended:

> Hang the apron, wash the knife,
> the tide goes out, and so do I.

The choir has recorded an album of 14 songs, released by a small local label, and will perform a series of concerts this season at the union hall and at the Harbor Community Center. Proceeds will go to a scholarship fund for the children of current seafood processing workers.

The original tapes have been digitized and donated to the Port Alder Historical Society, which plans to make them available to the public.`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditVia, URL: "https://northwind.example/arts/2026/line-singers"},
			},
			Corrections: []Correction{
				{Kind: news.KindCorrection, Text: "An earlier version of this story gave the wrong title for one of the choir's songs. It is \"Salt and Silver,\" not \"Silver and Salt.\" It also misspelled the surname of the choir's director. She is Marguerite Solis-Anand, not Solis-Anan.", Age: 24*24*time.Hour + 18*time.Hour + 2*time.Minute},
			},
			Age:        25*24*time.Hour + 1*time.Hour + 39*time.Minute,
			UpdatedAge: 24*24*time.Hour + 18*time.Hour + 2*time.Minute,
			Image: &Image{
				Seed:    1744,
				Alt:     IllustrationAlt(1744),
				Caption: "The Line Singers now have 48 regular members, the youngest 14 and the oldest 91.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},

		// ------------------------------------------------------------- port-alder
		{
			Slug:       "council-delays-vote-on-ferry-budget",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"transit", "city-council"},
			Headline:   "Council delays ferry budget vote as riders push back on weekend cuts",
			Standfirst: "More than 200 people packed City Hall to oppose ending Sunday service to Gull Island. The council will take up the budget again in two weeks.",
			Body: `The Port Alder City Council postponed a vote on the ferry system's budget after a late-night session and more than three hours of public testimony, most of it from Gull Island residents opposed to a plan that would end Sunday ferry service to the island.

The proposal from the city's transportation department would save about $1.1 million a year by eliminating Sunday sailings on the Gull Island route and cutting weekday evening service on the Northshore route from hourly to every 90 minutes. The plan was first reported by the Port Alder Gazette last month.

More than 200 people filled the council chamber and an overflow room. Of the 64 people who spoke, 58 opposed the cuts.

"The ferry is not a tourist ride for us. It's our road," said Annika Broussard-Lee, a nurse who lives on Gull Island and works weekend shifts at Harbor General Hospital. "If there's no Sunday boat, I can't get to work, and the hospital loses a nurse."

## The budget gap

The ferry system faces a deficit of about $3.4 million in the coming fiscal year, driven by rising fuel and insurance costs and the expiration of federal pandemic relief funds that had kept service running. Fares cover roughly a third of the system's operating costs.

Transportation Director Kenneth Alvarado told the council that the department had already trimmed administrative spending and delayed the purchase of a new vessel.

"Nobody on my staff wants to cut a single sailing," Alvarado said. "But I can't run boats on money we don't have."

Several council members suggested alternatives, including:

- A modest fare increase for visitors and vehicles, while keeping resident fares flat.
- Drawing on the city's reserve fund for one year while seeking state transit grants.
- Asking the county to share the cost of the Gull Island route, since many riders live outside city limits.

Councilmember Desiree Fontaine, who chairs the transportation committee, moved to delay the vote so that staff could estimate how much each option would raise.

"We heard people tonight, and we owe them a real answer, not a rushed one," Fontaine said. The motion passed 7 to 2.

The council will take up the budget again at its next regular meeting in two weeks. The new fiscal year begins soon, and the ferry's next seasonal schedule must be published by the end of next month.`,
			Credits: []Credit{
				{Source: "port-alder-gazette", Kind: news.CreditFirstReported, URL: "https://pagazette.example/city/2026/ferry-budget-cuts"},
			},
			Age:        4*time.Hour + 47*time.Minute,
			UpdatedAge: 1*time.Hour + 58*time.Minute,
			Image: &Image{
				Seed:    1761,
				Alt:     IllustrationAlt(1761),
				Caption: "The transportation department's plan would end Sunday sailings on the Gull Island route.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "harbor-district-rezoning-housing",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"housing", "city-council"},
			Headline:   "Rezoning plan would allow 2,400 homes in the Harbor District's old warehouse blocks",
			Standfirst: "The city's proposal would let developers build up to eight stories near the waterfront, if they set aside a share of apartments at lower rents. Neighbors are split.",
			Body: `Port Alder planners have proposed rezoning 34 blocks of aging warehouses and parking lots in the Harbor District to allow apartment buildings of up to eight stories, a change the city estimates could produce about 2,400 new homes over the next 15 years.

The plan, released by the Planning Department ahead of a public hearing, is the city's most significant attempt yet to address a housing shortage that has pushed median rents in Port Alder up by nearly 40 percent over five years, citing figures compiled by The Coastal Courier from listings data.

Under the proposal, developers who build more than 20 apartments would have to rent at least 15 percent of them at prices affordable to households earning 60 percent of the area's median income. In exchange, they could build two stories taller than the new base height limit.

"We have land close to jobs, close to the ferry and close to the bus lines, and right now it's being used to store pallets and park trucks," said Planning Director Yusuf Harrington-Obi. "This is where new homes make the most sense."

## Worries about the waterfront

Not everyone is persuaded. Members of the Harbor District Neighbors association, which represents about 300 households in the district's older residential streets, have raised concerns about traffic, shadows on the waterfront promenade and the loss of the area's industrial character.

"Nobody here is against housing," said Delphine Okoro-Walsh, the association's president. "We're against eight-story walls blocking the only public view of the water that working people in this city can get to on foot."

Some of the district's remaining industrial businesses are also worried. The owner of a marine supply company that has operated on Dock Street since 1961 said rising land values could push him out.

Housing advocates, meanwhile, have argued that the affordability requirement is too low. The Alder Tenants Union has called for 25 percent of new apartments to be set aside at lower rents.

City planners said their own analysis suggested a higher requirement would make many projects unprofitable and result in fewer homes overall.

The plan also includes several provisions meant to address neighbors' concerns:

- Buildings facing the promenade would have to step back above the fourth floor.
- Three view corridors to the harbor would be protected along Ash, Fir and Cedar streets.
- Marine-related businesses would get priority for ground-floor commercial space.

The Planning Commission will hold a public hearing on the proposal later this month. The city council is expected to vote on it before the end of the year.`,
			Credits: []Credit{
				{Source: "coastal-courier", Kind: news.CreditCiting, URL: "https://coastalcourier.example/2026/port-alder-rent-analysis"},
			},
			Age: 6*24*time.Hour + 7*time.Hour + 22*time.Minute,
			Image: &Image{
				Seed:    1783,
				Alt:     IllustrationAlt(1783),
				Caption: "The rezoning would cover 34 blocks of warehouses and parking lots in the Harbor District.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "school-bond-measure-heads-to-ballot",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano"},
			Tags:       []string{"education", "elections"},
			Headline:   "Port Alder voters will decide on a $310 million school bond to replace aging buildings",
			Standfirst: "The school board voted unanimously to put the measure on the ballot. It would rebuild two schools and repair roofs and heating in a dozen more.",
			Body: `The Port Alder school board voted unanimously to ask voters to approve a $310 million bond to rebuild two of the district's oldest schools and make major repairs at 12 others, setting up the largest school funding measure in the city's history.

If approved, the bond would pay for new buildings at Lower Wharf Elementary, built in 1928, and Eastmoor Middle School, where a portion of the building has been closed since last year because of structural concerns. The remaining money would go to new roofs, heating and ventilation systems and seismic upgrades across the district.

"We have children learning in buildings their great-grandparents went to school in, and not in a charming way," said board chair Lucinda Abernathy-Cho. "We have buckets catching water in classrooms when it rains."

Reporting on the district's facilities assessment was contributed by Northwind Public Radio, which obtained the full engineering report. The report rated nine of the district's 22 buildings in "poor" or "critical" condition and estimated the total cost of needed repairs at more than $500 million.

## What it would cost taxpayers

The district estimates the bond would cost the owner of a median-priced home in Port Alder about $19 a month, or $228 a year, for 25 years. Bond measures in the state need a 60 percent supermajority to pass.

That threshold has proved difficult before. A smaller bond of $180 million failed seven years ago with 56 percent of the vote.

Supporters say this campaign will be different. The district has held more than 40 community meetings and invited residents to tour the buildings in the worst condition.

"When people see it with their own eyes, they get it," said Rafael Quintero-Mills, a parent of two who is organizing a volunteer campaign in support of the measure. "It's hard to argue with a ceiling tile on a second-grader's desk."

The bond does have opponents. The Port Alder Taxpayers League, a small group that opposed the previous measure, said it was preparing a campaign against it.

"Every homeowner in this city is being squeezed," said Walter Dunmore, the group's treasurer. "The district should show it can manage the money it already has before it asks for more."

The district has committed to an independent citizens' oversight committee that would review all spending and publish an annual report if the bond passes.

The measure will appear on the ballot in the next general election.`,
			Credits: []Credit{
				{Source: "northwind-radio", Kind: news.CreditContributed, URL: "https://northwind.example/news/2026/port-alder-schools-report"},
			},
			Age:      10*24*time.Hour + 15*time.Hour + 11*time.Minute,
			Comments: true,
		},
		{
			Slug:       "fishing-fleet-fuel-costs",
			Section:    "port-alder",
			Authors:    []string{"owen-castellano", "priya-natarajan"},
			Tags:       []string{"fisheries", "inflation", "labor"},
			Headline:   "Fuel, ice and insurance: why Port Alder's fishing boats are staying tied up",
			Standfirst: "Costs for the city's commercial fleet have climbed faster than the price of fish. Some skippers say they can no longer make a trip pay.",
			Body: `On a weekday morning when the weather was fine and the crab season was open, nearly a third of the commercial fishing boats at Port Alder's Fisherman's Terminal stayed tied to the dock.

Their owners were not on vacation. Many said the math no longer worked. Between diesel, ice, bait, insurance and crew pay, the cost of a single trip has risen faster than the prices the boats get for their catch.

"I used to fill up and think about the fishing," said Gideon Haraldsen, who skippers a 58-foot crab boat. "Now I fill up and think about whether I can afford to come back."

## The numbers

Marine diesel at the terminal's fuel dock has averaged about 35 percent more over the past year than it did three years ago, citing wholesale fuel data reported by Global Markets Daily. Insurance premiums for commercial fishing vessels have risen even faster, after several years of costly claims across the industry.

Prices at the dock have not kept pace. The price paid to fishermen for Dungeness crab has been roughly flat over the same period, and prices for some groundfish have fallen as cheaper imports compete in grocery stores.

A typical three-day crab trip on a boat of Haraldsen's size now costs:

- About $4,800 in diesel.
- About $900 for ice and bait.
- Between $6,000 and $9,000 in crew shares, depending on the catch.
- A share of an insurance policy that has more than doubled in five years.

The squeeze is felt well beyond the boats. Port Alder's fishing industry supports an estimated 1,800 jobs, including processors, mechanics, ice houses and gear suppliers, according to the city's economic development office.

"When the boats don't go out, my phone doesn't ring," said Cynthia Abara, who runs a net and gear repair shop on the waterfront. "I've cut my own hours before I'd cut anybody who works for me."

Some help may be coming. The harbor commission is considering a temporary discount on moorage fees, and state legislators from the coast have proposed a fuel tax rebate for commercial fishing vessels similar to those offered to farmers.

Economists cautioned that such measures would ease the pain but not change the underlying trend. "These are small businesses competing in a global market," said Dr. Benedikt Oyelowo, a fisheries economist. "They can't set the price of fish, and they can't set the price of oil."

For Haraldsen, the decision comes down to the weather and the tide table, as it always has, but now also to a spreadsheet.

"My father never used one," he said. "I don't go out without it."

The Coastal Courier contributed reporting.`,
			Credits: []Credit{
				{Source: "global-markets-daily", Kind: news.CreditCiting, URL: "https://gmdaily.example/2026/marine-diesel-prices"},
				{Source: "coastal-courier", Kind: news.CreditContributed},
			},
			Age: 18*24*time.Hour + 11*time.Hour + 48*time.Minute,
			Image: &Image{
				Seed:    1797,
				Alt:     IllustrationAlt(1797),
				Caption: "Nearly a third of the boats at Fisherman's Terminal stayed at the dock on a fair-weather morning.",
				Credit:  "Illustration: The Harbor Ledger",
			},
			Comments: true,
		},
		{
			Slug:       "waterfront-cleanup-after-storm",
			Section:    "port-alder",
			Authors:    []string{"ledger-wire", "owen-castellano"},
			Tags:       []string{"weather", "city-council"},
			Headline:   "Port Alder cleans up after a storm that tore boats loose and flooded the Lower Wharf",
			Standfirst: "Winds gusting to 78 mph knocked out power to 23,000 customers. The mayor asked the state to declare an emergency to unlock repair funds.",
			Body: `Crews worked around the clock to clear debris, restore power and recover sunken boats after a powerful storm swept over Port Alder with winds gusting to 78 miles per hour, the strongest the city has recorded in more than a decade.

At the height of the storm, about 23,000 homes and businesses in the city and surrounding county lost power, according to Alder Coast Electric. By the following evening, all but about 1,500 had been reconnected. The utility said the remaining outages, mostly in the hills above Eastmoor, could take several more days to repair because of damaged poles.

No deaths were reported. Two people were treated for minor injuries after a tree fell on their car on Ridge Road, the fire department said.

The worst damage was on the waterfront. At the public marina, a section of floating dock broke loose, and at least six boats sank or were driven onto the rocks. The storm surge, arriving near high tide, pushed seawater into the Lower Wharf district for the second time this year.

"I've lived through a lot of storms on this harbor," said Harbormaster Gwendolyn Asante. "This one had a meanness to it. It didn't come and go. It sat on us."

## Asking for help

Mayor Elliot Vance said that he had asked the governor to declare a state of emergency for Alder County, a step that would make the city eligible for state and possibly federal disaster assistance.

"We will recover, and we will do it faster if we have help," Vance said at a briefing at the emergency operations center. "Our first job is to get the lights on and the roads clear. Our second job is to make sure the next storm does less damage than this one."

The city council scheduled a special meeting to consider emergency spending for debris removal and dock repairs. Councilmember Harold Mbeki-Stone said he would ask for a full review of the marina's condition.

The city asked residents to:

- Stay away from downed power lines and report them to Alder Coast Electric.
- Put storm debris at the curb in separate piles for branches and for other materials.
- Avoid the waterfront promenade, which remains closed while engineers inspect it.

Volunteers organized through the Harbor Community Center have been helping older residents clear yards and check on neighbors. The center said it needed more volunteers with chainsaws and trucks.`,
			Age:      29*24*time.Hour + 4*time.Hour + 31*time.Minute,
			Comments: false,
			Image: &Image{
				Seed:    1812,
				Alt:     IllustrationAlt(1812),
				Caption: "A section of floating dock broke loose at the public marina during the storm.",
				Credit:  "Illustration: The Harbor Ledger",
			},
		},
	}
}
