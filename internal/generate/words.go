package generate

import "strings"

// The vocabulary the prose is drawn from. Every entry is plain text that
// Markdown and HTML leave as it is: no straight quotes or apostrophes (the
// typographer would curl them), no "--" or "..." (it would turn them into
// dashes and ellipses), no "&", "<", "*", "_", "#" or URLs. Apostrophes are
// written curled (’) from the start. A slash separates irregular forms:
// "child/children" for nouns, "take/took/taken" for verbs.

// list splits a comma-separated vocabulary list.
func list(s string) []string {
	parts := strings.Split(s, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

const nounWords = `
	plan, budget, proposal, agency, committee, report, study, survey, review, program, project,
	policy, law, bill, rule, measure, vote, campaign, deal, agreement, contract, loan, grant, fund,
	tax, fee, fine, tariff, subsidy, payment, price, cost, rate, wage, pension, debt, deficit,
	surplus, market, share, index, sector, industry, company, firm, business, factory, plant,
	warehouse, store, restaurant, farm, mine, port, airport, station, terminal, bridge, road, highway,
	tunnel, railway, route, ferry, bus, train, truck, vehicle, ship, flight, runway, harbor, canal,
	dam, reservoir, pipeline, grid, network, system, service, facility, hospital, clinic, school,
	college, university, library, museum, theater, stadium, park, garden, square, street,
	neighborhood, district, town, city, village, suburb, region, province, county, border, island,
	coast, river, lake, valley, forest, field, hillside, shoreline, building, tower, apartment, house,
	shelter, office, headquarters, court, prison, hall, chamber, assembly, cabinet, ministry,
	department, bureau, authority, board, commission, panel, task force, inquiry, investigation,
	audit, trial, case, lawsuit, ruling, verdict, appeal, charge, complaint, warning, threat, risk,
	crisis, shortage, surge, decline, increase, reduction, delay, closure, opening, launch, expansion,
	merger, takeover, acquisition, sale, auction, bid, offer, strike, protest, rally, march, boycott,
	petition, referendum, debate, hearing, session, meeting, summit, conference, forum, festival,
	exhibition, concert, season, tournament, match, race, final, title, record, award, prize, league,
	team, club, ticket, contest, challenge, goal, target, deadline, schedule, timeline, estimate,
	forecast, projection, figure, total, average, majority, minority, margin, gap, lead, advantage,
	setback, victory, defeat, partnership, alliance, coalition, union, association, foundation,
	charity, nonprofit, trust, cooperative, network, council, inspection, license, permit, exemption,
	waiver, loophole, safeguard, standard, guideline, framework, strategy, approach, option,
	alternative, choice, decision, compromise, concession, request, promise, pledge, commitment,
	guarantee, condition, requirement, obligation, restriction, limit, cap, ceiling, threshold, quota,
	allowance, bonus, discount, rebate, refund, credit, voucher, scheme, initiative, trial run,
	experiment, test, assessment, evaluation, analysis, ranking, rating, score, impact, solution,
	response, reaction, backlash, dispute, conflict, standoff, stalemate, breakthrough, milestone,
	turning point, precedent, transition, reform, overhaul, upgrade, renovation, repair, restoration,
	replacement, extension, renewal, revision, amendment, correction, update, announcement, statement,
	speech, interview, briefing, memo, letter, email, document, filing, record, archive, database,
	dataset, map, chart, model, tool, device, generator, battery, sensor, platform, website, app,
	broadcast, newsletter, magazine, newspaper, book, novel, film, album, sculpture, mural, poster,
	banner, monument, statue, memorial, landmark, fountain, pier, dock, marina, lighthouse, boardwalk,
	promenade, trail, path, lane, avenue, boulevard, intersection, roundabout, crossing, checkpoint,
	gate, fence, wall, barrier, levee, seawall, drain, sewer, well, spring, creek, pond, marsh,
	wetland, meadow, orchard, vineyard, ranch, barn, mill, quarry, refinery, smelter, shipyard,
	workshop, studio, gallery, bakery, cafe, market hall, grocery, pharmacy, bank, branch, kiosk,
	stall, delegation, caucus, agenda, motion, resolution, provision, draft, version, edition, batch,
	shipment, container, package, parcel, delivery, stockpile, reserve, inventory, surplus, crop,
	export, import, tariff, quota, trade route, corridor, hub, depot, yard, anniversary, storm,
	snowfall, tide, wave, current, flood, fire, blaze, drought, landslide, earthquake, tremor,
	eruption, outbreak, epidemic, illness, injury, accident, collision, crash, derailment, spill,
	leak, blackout, outage, shutdown, evacuation, rescue, recovery, cleanup, relief effort, donation,
	appeal, fundraiser, auction, gala, parade, ceremony, vigil, funeral, wedding, reunion, graduation,
	opening night, premiere, debut, farewell, tribute
`

// personWords are people a story may mention without naming them.
const personWords = `
	vendor, supplier, contractor, developer, landlord, tenant, owner, buyer, seller, customer, client,
	patient, student, graduate, worker, employee, employer, volunteer, donor, sponsor, partner, rival,
	competitor, critic, supporter, opponent, ally, neighbor, visitor, tourist, commuter, passenger,
	driver, pilot, sailor, farmer, fisherman/fishermen, miner, builder, teacher, nurse, doctor,
	lawyer, judge, witness, victim, suspect, defendant, plaintiff, juror, officer, firefighter,
	paramedic, inspector, auditor, regulator, lawmaker, senator, governor, mayor, minister, diplomat,
	ambassador, envoy, negotiator, mediator, adviser, consultant, expert, scientist, researcher,
	engineer, economist, analyst, historian, author, artist, musician, composer, director, producer,
	actor, dancer, singer, poet, chef, athlete, coach, referee, captain, manager, founder,
	chairman/chairmen, chairwoman/chairwomen, spokesperson, spokesman/spokesmen,
	spokeswoman/spokeswomen, resident, citizen, voter, taxpayer, homeowner, parent, child/children,
	committee member, board member, staff member
`

const adjectiveWords = `
	new, long-awaited, controversial, ambitious, modest, major, minor, broad, sweeping,
	temporary, permanent, local, regional, national, federal, public, private, rural, urban,
	coastal, northern, southern, eastern, western, central, early, late, recent, annual,
	quarterly, monthly, weekly, daily, final, initial, preliminary, revised, updated, proposed,
	planned, expected, unexpected, surprising, significant, dramatic, sharp, steady, gradual,
	rapid, slow, quiet, busy, crowded, empty, aging, crumbling, historic, modern, digital,
	electric, solar, renewable, clean, green, affordable, expensive, costly, cheap, free,
	low-cost, high-speed, long-term, short-term, full-time, part-time, independent, joint,
	bipartisan, partisan, unanimous, divided, fragile, resilient, vulnerable, urgent, critical,
	essential, basic, complex, simple, familiar, unfamiliar, unusual, rare, common, widespread,
	limited, growing, shrinking, rising, falling, record, massive, tiny, small, large, big,
	huge, vast, narrow, deep, shallow, heavy, light, strong, weak, fresh, bold, careful,
	cautious, open, closed, secret, official, unofficial, informal, formal, legal, medical,
	financial, economic, political, social, cultural, educational, environmental, technical,
	scientific, academic, industrial, agricultural, commercial, residential, municipal,
	legislative, judicial, civilian, international, global, domestic, foreign, senior, junior,
	veteran, young, elderly, former, current, future, previous, second, third, single,
	multiple, several, various, numerous, crucial, decisive, pivotal, routine, ordinary,
	extraordinary, remarkable, modest, generous, strict, lenient, tough, soft, firm, loose,
	tight, flexible, rigid, stable, unstable, volatile, calm, tense, bitter, heated, friendly,
	hostile, peaceful, violent, safe, dangerous, risky, secure, reliable, unreliable,
	efficient, wasteful, productive, profitable, lucrative, struggling, thriving, booming,
	sluggish, stagnant, buoyant, healthy, ailing, troubled, beleaguered, embattled, popular,
	unpopular, influential, powerful, prominent, obscure, little-known, well-known, celebrated,
	acclaimed, award-winning, experimental, innovative, traditional, conventional, radical,
	moderate, progressive, conservative, liberal, centrist, populist, pragmatic, ideological,
	symbolic, practical, theoretical, hypothetical, actual, real, virtual, physical, mental,
	emotional, personal, professional, administrative, bureaucratic, procedural, logistical,
	structural, systemic, chronic, acute, severe, mild, moderate, intense, extreme, unprecedented,
	historic, landmark, fragmented, unified, coordinated, scattered, isolated, remote, nearby,
	neighboring, adjacent, overseas, cross-border, nationwide, statewide, citywide, countywide,
	worldwide, seasonal, overnight, sudden, gradual, incremental, phased, staggered, delayed,
	postponed, accelerated, expanded, reduced, scaled-back, stripped-down, upgraded,
	refurbished, renovated, restored, rebuilt, abandoned, vacant, derelict, overcrowded,
	understaffed, underfunded, overdue, outdated, obsolete, cutting-edge, state-of-the-art,
	high-profile, low-key, closely watched, hard-fought, hotly contested, long-running,
	short-lived, open-ended, one-time, first-ever, multiyear, two-year, five-year, ten-year,
	hundred-year, billion-dollar, million-dollar, small-business, family-owned, employee-owned,
	publicly funded, privately owned, state-run, city-owned, volunteer-run, community-led
`

// verbWords are transitive verbs: base/past/participle when irregular.
const verbWords = `
	approve, reject, delay, expand, cut/cut/cut, raise, lower, extend, announce, unveil, launch,
	close, open, sell/sold/sold, buy/bought/bought, build/built/built, fund, block, back, oppose,
	challenge, review, investigate, criticize, defend, propose, pass, veto/vetoed/vetoed, sign,
	finalize, postpone, cancel/canceled/canceled, suspend, restore, replace, renew, revise,
	publish, release, withdraw/withdrew/withdrawn, overturn, uphold/upheld/upheld, appoint,
	hire, dismiss, name, elect, win/won/won, lose/lost/lost, secure, seek/sought/sought,
	request, demand, require, ban/banned/banned, limit, restrict, ease, tighten, boost, double,
	triple, halve, scrap/scrapped/scrapped, reconsider, endorse, support, welcome, condemn,
	question, dispute, settle, negotiate, reach, miss, meet/met/met, set/set/set,
	break/broke/broken, hold/held/held, lead/led/led, take/took/taken, make/made/made,
	give/gave/given, draw/drew/drawn, shape, transform, upgrade, repair, rebuild/rebuilt/rebuilt,
	demolish, redesign, relocate, acquire, inspect, audit, monitor, track, map/mapped/mapped, measure,
	estimate, calculate, forecast/forecast/forecast, predict, confirm, deny, reveal, disclose,
	conceal, report, document, record, collect, gather, analyze, compare, rank, rate, test,
	trial, pilot, adopt, abandon, resume, pause, halt, stop/stopped/stopped, start, begin/began/begun,
	complete, finish, deliver, supply, provide, offer, grant, award, allocate, distribute,
	share, divide, split/split/split, merge, combine, link, connect, separate, protect,
	preserve, conserve, save, spend/spent/spent, invest, borrow, lend/lent/lent, repay, owe,
	charge, collect, tax, subsidize, regulate, deregulate, license, permit/permitted/permitted,
	forbid/forbade/forbidden, allow, encourage, discourage, urge, press, push, pull, drive/drove/driven,
	steer, guide, manage, run/ran/run, operate, staff, train, recruit, retain, promote,
	demote, transfer/transferred/transferred, reassign, reorganize, restructure, streamline, simplify, clarify,
	explain, justify, defend, attack, target, address, tackle, confront, face, avoid, prevent,
	reduce, increase, improve, worsen, strengthen, weaken, stabilize, disrupt, delay, speed/sped/sped,
	accelerate, slow, freeze/froze/frozen, unfreeze/unfroze/unfrozen, cap/capped/capped,
	index, adjust, recalculate, reassess, reopen, reclaim, recover, redevelop, rezone,
	reroute, resurface, replant, restock, retrofit/retrofitted/retrofitted, rewrite/rewrote/rewritten,
	rethink/rethought/rethought, overhaul, outline, sketch, draft, table, shelve, revive,
	celebrate, honor, commemorate, mark, host, organize, stage, attend, join, leave/left/left,
	quit/quit/quit, sue, charge, convict, acquit/acquitted/acquitted, sentence, fine, pardon,
	release, arrest, detain, question, interview, survey, poll, consult, inform, warn,
	advise, brief, update, notify, alert, contact, call, visit, tour, inspect
`

// intransitiveWords describe how things move on their own: base/past.
const intransitiveWords = `
	rise/rose, fall/fell, grow/grew, slow, stall, surge, climb, slip/slipped, drop/dropped, jump,
	soar, sink/sank, recover, rebound, collapse, improve, worsen, stabilize, ease, widen,
	narrow, shrink/shrank, double, triple, plunge, tumble, advance, retreat, weaken, strengthen,
	falter, persist, continue, resume, level off/leveled off, hold steady/held steady, fluctuate,
	edge up, edge down, dip/dipped, swell, spike, slump, recede, plateau, accelerate, cool
`

const adverbWords = `
	sharply, steadily, quietly, narrowly, slowly, quickly, abruptly, gradually, unexpectedly,
	modestly, dramatically, briefly, repeatedly, formally, publicly, privately, largely,
	partly, reluctantly, unanimously, cautiously, firmly, again, further, swiftly, suddenly,
	significantly, slightly, considerably, markedly, noticeably, substantially, temporarily,
	permanently, eventually, initially, finally, officially, effectively, formally, openly,
	sharply, broadly, roughly, nearly, almost, barely, hardly, fully, partially, mostly,
	mainly, chiefly, primarily, increasingly, consistently, routinely, frequently, rarely,
	occasionally, regularly, seasonally, locally, nationally, regionally, globally, jointly,
	independently, separately, collectively, individually, voluntarily, automatically
`

// groupWords are plural subjects: the people stories are about.
const groupWords = `
	residents, officials, lawmakers, voters, analysts, investors, teachers, parents, farmers,
	shoppers, commuters, tenants, landlords, homeowners, business owners, workers, nurses,
	doctors, patients, students, researchers, scientists, engineers, economists, regulators,
	inspectors, firefighters, police officers, volunteers, organizers, activists, critics,
	supporters, opponents, neighbors, fishermen, miners, drivers, pilots, passengers,
	travelers, tourists, visitors, fans, players, coaches, artists, musicians, writers,
	librarians, historians, retirees, veterans, families, young people, older residents,
	small businesses, local officials, city planners, union leaders, council members,
	board members, health officials, school leaders, state lawmakers, federal regulators
`

// roleWords are what a named person does, as in "a spokeswoman for …".
const roleWords = `
	spokeswoman, spokesman, spokesperson, director, chief executive, chair, president, mayor,
	governor, minister, senator, council member, economist, analyst, researcher, professor,
	lawyer, judge, prosecutor, doctor, nurse, teacher, principal, coach, manager, engineer,
	scientist, historian, activist, organizer, founder, owner, farmer, treasurer, secretary,
	commissioner, superintendent, planner, inspector, auditor, negotiator, adviser, curator,
	conductor, editor, pastor, fire chief, police chief, harbor master, deputy mayor,
	board chair, union president, general manager, chief economist, program director,
	research fellow, senior analyst, policy director, communications director
`

const orgTypeWords = `
	City Council, County Board, School District, Water Authority, Transit Agency, Port Authority,
	Chamber of Commerce, Police Department, Fire Department, Housing Authority, Health Department,
	Community College, State University, Regional Hospital, Public Library, Historical Society,
	Arts Council, Farmers Cooperative, Planning Commission, Parks Department, Utility District,
	Tenants Union, Teachers Union, Nurses Association, Business Alliance, Taxpayers Association,
	Conservation Trust, Food Bank, Visitors Bureau, Development Agency, Rail Authority,
	Airport Authority, Sanitation Department, Building Department, Election Commission,
	Ethics Board, Zoning Board, Transportation Department, Land Trust, Heritage Foundation
`

const ministryWords = `
	Finance, Health, Education, Transport, Energy, Agriculture, Labor, Justice, Environment,
	Housing, Commerce, Culture, Interior, Trade, Fisheries, Tourism, Science, Water, Forestry,
	Employment, Infrastructure, Digital Affairs, Public Works, Social Services
`

const companyTypeWords = `
	Logistics, Energy, Foods, Motors, Systems, Holdings, Partners, Labs, Bank, Insurance,
	Airlines, Shipping, Steel, Pharmaceuticals, Media, Robotics, Materials, Capital,
	Semiconductors, Telecom, Construction, Retail, Analytics, Biotech, Freight, Mills,
	Textiles, Water, Power, Software, Networks, Aerospace, Hotels, Brewing, Dairy, Mining
`

const firstNameWords = `
	Ada, Adrian, Aisha, Alan, Alejandro, Alice, Amara, Amir, Ana, Andre, Andrea, Anika, Anton,
	Arjun, Astrid, Ayesha, Beatriz, Ben, Bianca, Bruno, Camila, Carlos, Carmen, Caroline,
	Chen, Chiara, Chloe, Claire, Daniel, Daria, David, Deepa, Diego, Dmitri, Elena, Eli,
	Elif, Elijah, Elise, Emeka, Emil, Emma, Erik, Esther, Ethan, Eva, Farah, Felix, Fatima,
	Fiona, Francesca, Gabriel, Grace, Hana, Hannah, Hassan, Helen, Hugo, Ibrahim, Ines,
	Ingrid, Irene, Isaac, Isabel, Ivan, Jade, James, Jamal, Jana, Javier, Jin, Joanna, Jonas,
	Jorge, Julia, Julian, Kai, Karim, Kate, Kenji, Kofi, Lara, Leila, Leo, Lena, Lina, Liam,
	Lucas, Lucia, Luis, Maya, Malik, Marco, Maria, Marta, Mateo, Mei, Mia, Miguel, Mina,
	Mohammed, Nadia, Naomi, Nathan, Nia, Nico, Nina, Noah, Nora, Oliver, Olga, Omar, Oscar,
	Paolo, Pedro, Priya, Rafael, Rahul, Rana, Rebecca, Rosa, Ruth, Sakura, Samir, Samuel,
	Sara, Sean, Sofia, Sonia, Stefan, Tariq, Theo, Thomas, Tomas, Valentina, Vera, Victor,
	Wei, Yara, Yusuf, Zainab, Zoe, Abel, Bea, Cyrus, Dalia, Eamon, Freya, Gideon, Hiro
`

const lastNameWords = `
	Abbott, Acosta, Adeyemi, Aguilar, Ahmed, Alvarez, Andersen, Arslan, Bakker, Banerjee,
	Barros, Becker, Bennett, Bergstrom, Bianchi, Bishop, Blackwood, Bose, Brennan, Calloway,
	Campos, Carver, Castillo, Chandra, Chavez, Chen, Clarke, Costa, Cruz, Dahl, Dalton,
	Das, Delgado, Demir, Diallo, Doyle, Duarte, Eriksen, Esposito, Evans, Farouk, Fernandes,
	Fischer, Fitzgerald, Fleming, Fontaine, Garcia, Garner, Gill, Gomez, Greene, Gupta,
	Haddad, Halvorsen, Hansen, Harper, Hayes, Herrera, Hoffman, Holm, Hughes, Ibarra,
	Iqbal, Ito, Jansen, Jensen, Jimenez, Kamara, Kaplan, Kaur, Keller, Khan, Kim, Klein,
	Koch, Kowalski, Kumar, Lambert, Larsen, Laurent, Lee, Levy, Lindqvist, Lopez, Lund,
	Madsen, Mahmoud, Marino, Martins, Mehta, Mendes, Meyer, Mills, Molina, Moreau, Morales,
	Moreno, Murphy, Nakamura, Navarro, Nguyen, Nielsen, Novak, Nwosu, Obi, Okafor, Olsen,
	Ortega, Ortiz, Osei, Park, Patel, Pereira, Petrov, Pham, Popescu, Quinn, Rahman, Ramos,
	Rao, Reyes, Richter, Rivera, Rocha, Romano, Rossi, Ruiz, Saito, Salazar, Santos, Sato,
	Schmidt, Schneider, Sharma, Silva, Singh, Sokolov, Soto, Suarez, Sullivan, Svensson,
	Tanaka, Torres, Tran, Ueda, Umar, Valdez, Vargas, Vasquez, Vega, Volkov, Wagner, Walsh,
	Weber, Wong, Yamamoto, Yilmaz, Young, Zhang, Zhou, Zimmerman, Ashby, Beaumont, Corrigan,
	Dunmore, Ellery, Farrow, Galloway, Hartley, Kerrigan, Lockwood, Mercer, Northcott,
	Pemberton, Radcliffe, Sinclair, Thorne, Underwood, Whitlock, Winslow, Yardley
`

// placeHeads and placeTails combine into fictional towns: Ash + ford.
const placeHeads = `
	Ash, Bay, Beacon, Birch, Black, Bram, Bright, Brook, Cedar, Clear, Cold, Crane, Crest,
	Deer, Dun, East, Elm, Fair, Fern, Fox, Glen, Gold, Green, Hale, Hazel, High, Holly, Iron,
	Kings, Lark, Linden, Long, Maple, Marsh, Mill, North, Oak, Pine, Port, Raven, Red, Ridge,
	River, Rock, Rose, Salt, Sand, Silver, South, Spring, Stone, Summer, Thorn, West, White,
	Willow, Wind, Wolf, Wren, York
`

const placeTails = `
	ford, field, haven, ton, bury, wick, mouth, port, dale, wood, bridge, stead, ham, ley,
	brook, water, cliff, gate, hurst, moor, shore, stone, vale, well, worth, marsh, combe,
	holm, crest, view
`

const weekdayWords = `Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday`

const monthWords = `January, February, March, April, May, June, July, August, September, October, November, December`

const pastTimeWords = `
	last week, last month, last year, earlier this week, earlier this month, this spring,
	this summer, this fall, this winter, over the weekend, in recent weeks, two weeks ago,
	late last year, at the start of the year, in the past decade, during the pandemic,
	after months of talks, at a packed meeting, in a late-night session, without debate
`

const futureTimeWords = `
	next week, next month, by the end of the year, within weeks, later this year,
	before the summer, in the coming months, by next spring, over the next decade,
	before the next election, as early as next year, in the new fiscal year
`

const transitionWords = `
	Meanwhile, Still, Even so, At the same time, By contrast, For now, In the meantime,
	Until then, Nonetheless, Separately, Elsewhere, Since then, For many residents,
	In practice, On paper, Privately, Publicly, Notably, In the end, For years, So far,
	In a statement, Behind the scenes, On the ground, In the short term, Over time,
	For critics, For supporters, Across the region, Closer to home
`

const reportVerbWords = `
	said, added, told reporters, wrote in an email, said in an interview, said in a statement,
	told the council, noted, argued, warned, acknowledged, insisted, conceded, explained,
	recalled, said on Tuesday, said last week, told The Synthetic Gazette
`

const modalWords = `will, could, may, might, would, should, must`

// subheadWords are the short headings that break up longer stories.
const subheadWords = `
	What comes next, A long road, The cost question, Who pays, Early signs, A divided council,
	Behind the numbers, The view from the street, Lessons from elsewhere, An uncertain future,
	How it started, What critics say, What supporters say, The fine print, A closer look,
	Looking ahead, Missed deadlines, A familiar pattern, Room to grow, Mixed signals,
	The bigger picture, Old problems, new money, A test case, Counting the cost, The holdouts,
	Second thoughts, The regional picture, On the ground, A slow start, Open questions,
	Pressure builds, Unfinished business, The timeline, Winners and losers, Why it matters,
	The numbers, Voices from the neighborhood, A narrow path, The road ahead
`

// sectionDef is one desk of the synthetic newsroom with the words its stories
// lean on and the tags it files under.
type sectionDef struct {
	slug, name, description string
	weight                  int    // relative share of stories
	nouns                   string // comma-separated, like every list here
	tags                    string
}

var sectionDefs = []sectionDef{
	{"world", "World", "Reporting from capitals, borders and the places in between.", 12,
		`embassy, ceasefire, treaty, summit, diplomat, sanctions package, border crossing, refugee camp,
		trade pact, aid convoy, coalition government, envoy, foreign ministry, peace plan, parliament,
		prime minister, opposition leader, state visit, military exercise, naval patrol, airstrip,
		consulate, visa program, customs union, maritime dispute, fishing zone, election observer,
		humanitarian corridor, peacekeeping mission, security council, foreign aid budget, export ban,
		currency, central bank, capital, provincial governor, rebel group, truce, prisoner exchange,
		evacuation flight, trade delegation, grain shipment, oil field, gas pipeline, border fence`,
		`Diplomacy, Trade, Refugees, Sanctions, Elections abroad, Peace talks, Foreign aid, Border disputes,
		Migration, Human rights, Security, Energy supply, Food security, Maritime law, Alliances`},
	{"politics", "Politics", "Campaigns, legislatures and the people who run them.", 12,
		`ballot measure, primary, caucus, amendment, filibuster, district map, campaign finance law, poll,
		candidate, incumbent, nominee, mayoral race, town hall, recall effort, ethics complaint,
		lobbying rule, budget resolution, state senate seat, voter roll, polling station,
		redistricting plan, spending bill, stopgap measure, confirmation hearing, party platform,
		endorsement, debate stage, fundraising total, attack ad, swing district, runoff, write-in campaign,
		term limit, ballot initiative, governor, legislature, speaker, majority leader, whip count,
		oversight committee, subpoena, inspector general, public records request, open meetings law`,
		`Elections, Congress, State politics, City hall, Campaign finance, Redistricting, Voting rights,
		Ethics, Polling, Lobbying, Budget fights, Ballot measures, Local elections, Transparency, Governors`},
	{"business", "Business", "Companies, markets, work and money.", 12,
		`merger, earnings report, quarterly profit, interest rate, bond sale, share price, dividend, layoff,
		hiring freeze, supply chain, inventory, retail chain, shipping container, freight rate, credit line,
		bankruptcy filing, startup, venture fund, pension fund, housing market, mortgage rate,
		consumer price index, trade deficit, commodity price, wage agreement, labor contract, factory floor,
		distribution center, chief executive, board of directors, shareholder vote, stock buyback,
		private equity firm, credit rating, savings account, small-business loan, franchise, warehouse lease,
		store closure, product recall, price increase, holiday sales season, fuel surcharge, payroll tax`,
		`Economy, Markets, Jobs, Housing market, Interest rates, Inflation, Retail, Manufacturing,
		Small business, Banking, Labor unions, Real estate, Shipping, Startups, Personal finance`},
	{"technology", "Technology", "The tools, platforms and networks that run daily life.", 9,
		`app, platform, chip, data center, algorithm, language model, software update, cloud service,
		outage, data breach, password manager, smartphone, satellite network, broadband plan, fiber network,
		robot, drone, battery plant, search engine, open-source project, privacy rule, encryption standard,
		developer conference, browser, operating system, chip factory, cybersecurity team, ransomware attack,
		social network, content policy, app store, payment system, digital wallet, sensor network,
		self-driving car, charging network, server farm, quantum computer, code review, bug bounty,
		product launch, beta test, user interface, subscription plan, firmware update`,
		`Artificial intelligence, Cybersecurity, Privacy, Social media, Semiconductors, Broadband,
		Startups, Open source, Gadgets, Space industry, Electric vehicles, Data centers, Robotics,
		Software, Tech regulation`},
	{"science", "Science", "Discoveries, experiments and how we know what we know.", 6,
		`telescope, experiment, fossil, genome, vaccine trial, particle detector, research vessel, ice core,
		laboratory, peer review, journal, discovery, comet, asteroid, exoplanet, microscope, species,
		enzyme, protein, neuron, dataset, expedition, observatory, field station, sediment sample,
		radio signal, lunar lander, space probe, rocket launch, weather balloon, gene therapy,
		stem cell study, excavation, burial site, shipwreck, meteorite, seismograph, supercomputer,
		mathematical proof, research grant, science museum, citizen science project, bird survey`,
		`Space, Physics, Biology, Archaeology, Genetics, Astronomy, Oceans, Paleontology, Chemistry,
		Neuroscience, Mathematics, Research funding, Wildlife, Geology, Science policy`},
	{"climate", "Climate", "A warming world and the people adapting to it.", 7,
		`heat wave, drought, wildfire, flood, storm surge, sea wall, carbon tax, emissions target, solar farm,
		wind farm, heat pump, coal plant, glacier, coral reef, rainfall record, water restriction,
		evacuation order, climate plan, carbon market, methane leak, tree planting program,
		flood barrier, reservoir level, snowpack, cooling center, transmission line, battery storage site,
		green bond, retrofit program, building code, insurance premium, buyout program, dune restoration,
		salt marsh, river delta, hurricane season, fire season, air quality alert, smoke advisory,
		electric bus fleet, bike network, composting program, plastic ban, recycling plant`,
		`Climate change, Extreme weather, Wildfires, Flooding, Drought, Renewable energy, Emissions,
		Sea level rise, Adaptation, Air quality, Conservation, Water, Heat, Clean transport, Recycling`},
	{"health", "Health", "Medicine, public health and the care system.", 7,
		`hospital, clinic, vaccine, outbreak, emergency room, waiting list, nursing shortage, drug price,
		insurance plan, mental health service, screening program, clinical trial, public health order,
		flu season, maternity ward, ambulance service, pharmacy, diagnosis, treatment, surgery,
		medical school, health budget, care home, prescription, virus strain, blood drive, dental clinic,
		rural hospital, telehealth service, addiction program, cancer center, research hospital,
		health inspector, food safety rule, measles case, booster campaign, hospital merger,
		staffing agency, nurse practitioner, home care worker, health survey, fitness program`,
		`Public health, Hospitals, Mental health, Vaccines, Health insurance, Drug prices, Nursing,
		Medical research, Aging, Nutrition, Infectious disease, Rural health, Children’s health,
		Addiction, Fitness`},
	{"sports", "Sports", "Games, seasons and the people who play them.", 11,
		`season, match, playoff, championship, transfer, contract extension, stadium, coach, striker,
		goalkeeper, quarterback, pitcher, marathon, relay, world record, injury, comeback, derby,
		draft pick, league table, title race, training camp, home opener, penalty, overtime,
		first half, second half, tiebreaker, roster, locker room, scouting report, youth academy,
		ticket price, season opener, rivalry game, road trip, winning streak, losing streak,
		rookie, veteran forward, captain, substitute, referee decision, video review, qualifier`,
		`Football, Soccer, Basketball, Baseball, Tennis, Running, Cycling, Hockey, Swimming,
		College sports, Youth sports, Olympics, Rowing, Sailing, Stadiums`},
	{"culture", "Culture", "Books, film, music, art and the places that show them.", 8,
		`exhibition, novel, film, festival, album, concert, gallery, museum, theater season, opera, ballet,
		documentary, premiere, award ceremony, bestseller, memoir, poetry collection, street mural,
		orchestra, bookshop, cinema, sculpture, retrospective, series finale, podcast, art fair,
		studio, record label, choir, jazz club, dance company, touring show, film school, archive,
		first edition, portrait, landscape painting, photo essay, translation, stage adaptation,
		sequel, soundtrack, book prize, reading series, music venue`,
		`Books, Film, Music, Art, Theater, Television, Museums, Dance, Photography, Architecture,
		Festivals, Poetry, Design, Food, Heritage`},
	{"opinion", "Opinion", "Arguments, columns and letters from readers.", 5,
		`argument, column, debate, editorial, letter, essay, view, principle, compromise, trade-off,
		assumption, priority, promise, question, lesson, mistake, paradox, consensus, dilemma, verdict,
		case for reform, blind spot, double standard, false choice, missed opportunity, second chance,
		test of leadership, matter of trust, moral question, public interest, common ground,
		civic duty, straight answer, honest accounting, fair hearing, long view, small fix`,
		`Editorials, Columns, Letters, Essays, Guest opinion, Civic life, Media, Democracy, Free speech,
		Public policy, Ethics debates, Urban life, Rural life, Generations, The economy`},
	{"local", "Local", "Streets, schools, councils and neighbors close to home.", 7,
		`bus route, pothole, school board, zoning change, bike lane, farmers market, library branch,
		community center, recycling program, parking rule, playground, pedestrian bridge, fire station,
		crosswalk, water main, tree canopy, street festival, noise ordinance, food bank, housing project,
		ferry schedule, snow plow, park renovation, rent board, neighborhood association, corner store,
		public pool, dog park, skate park, boat ramp, bus shelter, sidewalk repair, speed camera,
		traffic light, library card, block party, town meeting, property tax bill, sewer project,
		storm drain, leaf collection, historic district, harbor cleanup`,
		`Neighborhoods, City council, Transit, Parks, Schools, Housing, Public safety, Streets,
		Development, Local business, Restaurants, Libraries, Community, Waterfront, Events`},
	{"education", "Education", "Classrooms, campuses and the people in them.", 4,
		`school, curriculum, exam, teacher contract, tuition fee, scholarship, campus, dormitory,
		school bus, reading program, graduation rate, enrollment, classroom, lecture hall, student loan,
		charter school, kindergarten, test score, school lunch program, university budget,
		research grant, admissions policy, apprenticeship, literacy program, school calendar,
		after-school program, summer school, gifted program, special education service,
		school counselor, substitute teacher, teaching assistant, school nurse, math class,
		science fair, debate team, school library, night class, vocational school, trade school`,
		`Schools, Universities, Teachers, Students, Student debt, Testing, Early childhood, Curriculum,
		School funding, Higher education, Literacy, Vocational training, Campus life, School safety,
		Admissions`},
}

// outletWords name the kinds of outlet that sources are.
const outletWords = `
	Courier, Ledger, Herald, Tribune, Gazette, Observer, Chronicle, Sentinel, Dispatch, Post,
	Times, Record, Review, Journal, Bulletin, Examiner, Register, Standard, Advocate, Beacon
`

const agencyWords = `
	Continental Press Agency, Northern Wire Service, Coastal News Service, Associated Regional Press,
	Metro Newswire, Public Broadcasting Network, Global Business Wire, Independent Radio News,
	Valley Public Radio, Harbor Television, Statehouse News Bureau, Civic Data Project
`
