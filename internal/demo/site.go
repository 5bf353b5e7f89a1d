package demo

import "github.com/herald-news/herald/internal/news"

// sections are the Harbor Ledger's desks, in navigation order.
func sections() []news.Section {
	return []news.Section{
		{Slug: "usa-news", Name: "USA News", Position: 1,
			Description: "National politics, policy and the people they touch, from Washington to the statehouses."},
		{Slug: "world", Name: "World", Position: 2,
			Description: "International news, diplomacy and conflict, reported with context rather than noise."},
		{Slug: "business", Name: "Business", Position: 3,
			Description: "Markets, companies, work and the cost of living, explained for people who pay the bills."},
		{Slug: "climate", Name: "Climate & Environment", Position: 4,
			Description: "The changing climate, the coast, the land and the policies meant to protect them."},
		{Slug: "science-health", Name: "Science & Health", Position: 5,
			Description: "Research, medicine and public health, with the evidence and its limits made plain."},
		{Slug: "culture", Name: "Culture", Position: 6,
			Description: "Reviews, essays and reporting on film, music, books and the arts."},
		{Slug: "port-alder", Name: "Port Alder", Position: 7,
			Description: "Our home city: City Hall, the waterfront, schools, transit and the neighborhoods in between."},
	}
}

// authors are the newsroom's bylines, staff first and the wire desk last.
func authors() []news.Author {
	a := []news.Author{
		{Slug: "maya-okafor", Name: "Maya Okafor", JobTitle: "Washington Correspondent",
			Bio: "Maya Okafor covers Congress, the courts and the federal agencies for The Harbor Ledger from Washington. " +
				"Before joining the Ledger she spent six years at a statehouse bureau, where she learned to read a budget bill before reading the press release about it. " +
				"She grew up in Port Alder and still thinks of every federal decision in terms of what it means for the harbor.",
			Links: []news.Link{
				{Label: "Stories by Maya Okafor", URL: "https://harborledger.example/authors/maya-okafor/"},
				{Label: "Maya on Tidepool", URL: "https://tidepool.example/@mayaokafor"},
			}},
		{Slug: "daniel-reyes", Name: "Daniel Reyes", JobTitle: "World Editor",
			Bio: "Daniel Reyes leads the Ledger's international coverage and edits the work of its correspondents and contributors abroad. " +
				"He reported for a decade from Latin America and Southern Europe and speaks Spanish, Portuguese and passable Italian. " +
				"He is most interested in stories where trade, migration and diplomacy meet.",
			Links: []news.Link{
				{Label: "Stories by Daniel Reyes", URL: "https://harborledger.example/authors/daniel-reyes/"},
			}},
		{Slug: "priya-natarajan", Name: "Priya Natarajan", JobTitle: "Business Reporter",
			Bio: "Priya Natarajan writes about companies, labor, housing costs and the economy as households feel it. " +
				"She trained as an accountant before switching to journalism and still reads annual reports for fun. " +
				"Tips about local employers are welcome through the contact page.",
			Links: []news.Link{
				{Label: "Stories by Priya Natarajan", URL: "https://harborledger.example/authors/priya-natarajan/"},
				{Label: "Priya on Tidepool", URL: "https://tidepool.example/@priyanatarajan"},
			}},
		{Slug: "tomas-lindqvist", Name: "Tomas Lindqvist", JobTitle: "Climate Reporter",
			Bio: "Tomas Lindqvist covers climate science, energy and the coast. " +
				"He has reported from research vessels, wildfire lines and more public hearings on seawalls than he can count. " +
				"He holds a master's degree in environmental science and tries to keep the jargon out of his stories.",
			Links: []news.Link{
				{Label: "Stories by Tomas Lindqvist", URL: "https://harborledger.example/authors/tomas-lindqvist/"},
			}},
		{Slug: "hannah-brightwater", Name: "Hannah Brightwater", JobTitle: "Science and Health Reporter",
			Bio: "Hannah Brightwater reports on medicine, public health and research, from vaccine policy to the space program. " +
				"She worked as a hospital pharmacist for five years before moving into journalism. " +
				"She reads the study, not just the abstract, and says so when the evidence is thin.",
			Links: []news.Link{
				{Label: "Stories by Hannah Brightwater", URL: "https://harborledger.example/authors/hannah-brightwater/"},
				{Label: "Hannah on Tidepool", URL: "https://tidepool.example/@hbrightwater"},
			}},
		{Slug: "jules-amari", Name: "Jules Amari", JobTitle: "Culture Critic",
			Bio: "Jules Amari reviews film, music and books and writes about the people who make them. " +
				"Before joining the Ledger, Jules programmed a small repertory cinema on the Port Alder waterfront for eight years. " +
				"Jules believes a good review should tell you whether to go, and why.",
			Links: []news.Link{
				{Label: "Reviews by Jules Amari", URL: "https://harborledger.example/authors/jules-amari/"},
			}},
		{Slug: "owen-castellano", Name: "Owen Castellano", JobTitle: "City Hall Reporter",
			Bio: "Owen Castellano covers Port Alder's city council, budget, transit and schools. " +
				"He has attended nearly every council meeting since 2019, including the one that ran until four in the morning. " +
				"Before reporting, he drove a city bus, which he says is the best training there is for covering transit.",
			Links: []news.Link{
				{Label: "Stories by Owen Castellano", URL: "https://harborledger.example/authors/owen-castellano/"},
				{Label: "Owen on Tidepool", URL: "https://tidepool.example/@owencastellano"},
			}},
		{Slug: "ledger-wire", Name: "Ledger Wire Desk", JobTitle: "Staff and wire reports",
			Bio: "The Ledger Wire Desk compiles breaking news and briefs from our own staff and from the wire services and partner newsrooms we credit on each story. " +
				"Every wire story is read and edited by a Harbor Ledger editor before it is published.",
			Links: []news.Link{
				{Label: "Latest from the wire desk", URL: "https://harborledger.example/authors/ledger-wire/"},
			}},
	}
	for i := range a {
		a[i].PhotoURL = "/media/authors/" + a[i].Slug + ".png"
	}
	return a
}

// tags are the topics shared across sections.
func tags() []news.Tag {
	return []news.Tag{
		{Slug: "elections", Name: "Elections"},
		{Slug: "congress", Name: "Congress"},
		{Slug: "supreme-court", Name: "Supreme Court"},
		{Slug: "trade", Name: "Trade"},
		{Slug: "housing", Name: "Housing"},
		{Slug: "energy", Name: "Energy"},
		{Slug: "wildfires", Name: "Wildfires"},
		{Slug: "oceans", Name: "Oceans"},
		{Slug: "public-health", Name: "Public Health"},
		{Slug: "vaccines", Name: "Vaccines"},
		{Slug: "artificial-intelligence", Name: "Artificial Intelligence"},
		{Slug: "space", Name: "Space"},
		{Slug: "transit", Name: "Transit"},
		{Slug: "education", Name: "Education"},
		{Slug: "film", Name: "Film"},
		{Slug: "music", Name: "Music"},
		{Slug: "books", Name: "Books"},
		{Slug: "fisheries", Name: "Fisheries"},
		{Slug: "city-council", Name: "City Council"},
		{Slug: "weather", Name: "Weather"},
		{Slug: "labor", Name: "Labor"},
		{Slug: "inflation", Name: "Inflation"},
		{Slug: "diplomacy", Name: "Diplomacy"},
		{Slug: "migration", Name: "Migration"},
	}
}

// sources are the fictional outlets and institutions that stories credit.
func sources() []news.Source {
	return []news.Source{
		{Slug: "coastal-courier", Name: "The Coastal Courier", URL: "https://coastalcourier.example/"},
		{Slug: "meridian-post", Name: "The Meridian Post", URL: "https://meridianpost.example/"},
		{Slug: "capitol-dispatch", Name: "Capitol Dispatch", URL: "https://capitoldispatch.example/"},
		{Slug: "northwind-radio", Name: "Northwind Public Radio", URL: "https://northwind.example/"},
		{Slug: "atlas-wire", Name: "Atlas Wire Service", URL: "https://atlaswire.example/"},
		{Slug: "global-markets-daily", Name: "Global Markets Daily", URL: "https://gmdaily.example/"},
		{Slug: "harbor-institute", Name: "Harbor Institute for Ocean Research", URL: "https://harborinstitute.example/"},
		{Slug: "port-alder-gazette", Name: "Port Alder Gazette", URL: "https://pagazette.example/"},
	}
}

// pages are the static pages linked from the footer.
func pages() []news.Page {
	return []news.Page{
		{Slug: "about", Title: "About The Harbor Ledger", Position: 1, BodyMarkdown: aboutPage},
		{Slug: "contact", Title: "Contact us", Position: 2, BodyMarkdown: contactPage},
		{Slug: "ethics", Title: "Ethics policy", Position: 3, BodyMarkdown: ethicsPage},
		{Slug: "corrections-policy", Title: "Corrections policy", Position: 4, BodyMarkdown: correctionsPage},
		{Slug: "privacy", Title: "Privacy", Position: 5, BodyMarkdown: privacyPage},
	}
}

const aboutPage = `The Harbor Ledger is an independent newsroom based in Port Alder, a working harbor city on the coast. We cover our city closely and the country and the world carefully, and we try to explain how the big stories reach the people who live here.

**This is a demonstration site.** The Harbor Ledger, Port Alder and everyone quoted in these pages are fictional. The newsroom exists to show what a site built with Herald looks like with real-sized stories, bylines, corrections and comments. Nothing here is reporting about real events or real people.

## What we cover

- **Port Alder**: City Hall, the waterfront, schools, transit, housing and the neighborhoods.
- **USA News** and **World**: the national and international stories that matter most, with context.
- **Business**: work, prices, companies and the local economy.
- **Climate & Environment** and **Science & Health**: the evidence, explained plainly.
- **Culture**: film, music, books and the people who make them.

## How we work

Our reporters sign their work. When we rely on another newsroom's reporting, we say so on the story and link to it, and every source we credit has a page listing the stories that cite it. When we get something wrong, we correct it in the open: each story carries its own corrections log, and the full list is on our corrections page.

We publish without trackers, advertising networks or third-party scripts. Our pages load from our own server and nowhere else.

## Who we are

The Ledger has a small staff of editors and reporters, listed on our authors pages, and a wire desk that edits and credits the agency copy we carry. We answer to our readers, not to advertisers; read our [ethics policy](/ethics/) for the details, and [get in touch](/contact/) if you have a tip, a question or a complaint.
`

const contactPage = `We read everything that reaches us, though we cannot answer every message. Here is how to reach the right person.

## News tips

If you know something we should be reporting, write to **tips@harborledger.example**. Tell us what you know, how you know it and how we can reach you. We will never publish your name or details without your agreement.

If what you are sharing is sensitive, say so in your first message and do not send documents until a reporter has talked with you about the safest way to do it.

## Corrections

If you believe a story contains an error, write to **corrections@harborledger.example** with a link to the story and what you think is wrong. An editor reviews every request. See our [corrections policy](/corrections-policy/) for how we handle them.

## The newsroom

- **Port Alder desk**: city@harborledger.example
- **National and world desks**: news@harborledger.example
- **Business desk**: business@harborledger.example
- **Culture desk**: culture@harborledger.example
- **Letters to the editor**: letters@harborledger.example (up to 250 words, with your name and neighborhood)

## By post or in person

The Harbor Ledger
14 Chandlery Row, Suite 3
Port Alder

The front desk is staffed weekdays from 9 a.m. to 5 p.m. Please call ahead if you want to meet a particular reporter.

## Comments

Comments on stories are moderated. If you think a comment was removed in error, or that one should be removed, write to **community@harborledger.example** and include a link to the story.

*The Harbor Ledger is a fictional newsroom used to demonstrate Herald; these addresses do not receive mail.*
`

const ethicsPage = `The Harbor Ledger's credibility is the only thing we have to offer readers. These are the rules our staff follow; they apply to everyone who writes, edits or photographs for us.

## Independence

- Staff do not accept gifts, travel, meals or discounts from people or organizations we cover. Review copies of books and music are returned or donated.
- Staff do not contribute to political campaigns, sign petitions or hold office in organizations they might cover.
- Reporters disclose to their editors any personal or financial interest in a story, and editors decide whether they should step away from it.
- Advertisers and donors have no say over what we cover or how.

## Fairness and accuracy

We give the people and organizations we write about a real chance to respond before publication, and we say in the story when they decline. We do not quote people anonymously unless they face real harm for speaking, and an editor must know who they are. We explain why we granted anonymity.

## Crediting others

When we rely on another newsroom's reporting, we credit it by name and link to its work. Wire copy carries the agency's name. We never present someone else's reporting as our own.

## Images

Our featured illustrations are drawn by our own software and labelled as illustrations. We do not alter news photographs beyond ordinary adjustments of light and colour.

## Mistakes

We correct errors promptly and visibly, as set out in our [corrections policy](/corrections-policy/). We do not quietly change published stories.

## Questions

If you believe we have fallen short of these standards, write to the editor at **standards@harborledger.example**.
`

const correctionsPage = `We try to get every fact right. When we don't, we say so, clearly and quickly.

## What we correct

We correct errors of fact: a wrong name, date, number, title or quotation, or a statement that is not true. We also correct errors of context when a story leaves a misleading impression, even if every sentence in it is accurate.

## How corrections appear

Every story has a corrections log, shown at the end of the story. Each entry says what was wrong, what is right and when we changed it. There are two kinds of entry:

- **Correction**: we published something that was wrong, and we have fixed it.
- **Update**: the story has changed because events moved on or we learned more, and nothing we said before was wrong.

Entries are never deleted or rewritten. Our [corrections page](/corrections/) lists every correction and update across the site, newest first, and has its own feed.

## What we do not do

We do not remove stories because someone would prefer they were not there. In rare cases, such as a legal order or a real risk to someone's safety, we may withdraw a story; the page then explains that it was withdrawn and why, as far as we can say.

We do not make silent changes to the substance of a story. We may fix spelling, grammar and formatting without a note.

## Asking for a correction

Write to **corrections@harborledger.example** with a link to the story and what you believe is wrong. An editor who was not involved in the story reviews every request, usually within one working day, and will tell you what we decided.
`

const privacyPage = `The Harbor Ledger collects as little about you as it can. This page sets out what that means.

## Reading

You can read everything on this site without an account. We do not use advertising trackers, analytics services or social media buttons, and **this site makes no third-party requests**: every page, stylesheet, font and image is served from our own server. No other company learns that you visited.

Our server keeps ordinary access logs (the address requested, the time and the response) for up to 14 days to keep the site running and to defend it from abuse. We do not use them to build profiles of readers.

## Cookies

We set no cookies for readers. Staff who sign in to publish stories receive a session cookie that is used for nothing else.

## Comments

To comment, you give a display name and an email address. **Commenters' email addresses are never published** and never shared; we use them only to contact you about your comment if we need to. Your display name and comment are public once a moderator approves them. If you want a comment of yours removed, write to community@harborledger.example from the address you used.

## Feeds and newsletters

Our feeds are plain files that any reader app can fetch; we cannot see who subscribes.

## Your rights

You can ask us what we hold about you, and ask us to delete it, by writing to privacy@harborledger.example. We will reply within 30 days.

*The Harbor Ledger is a fictional newsroom used to demonstrate Herald.*
`
