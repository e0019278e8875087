package summarize

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/corpus"
	"github.com/parallax-news/parallax/internal/text"
)

func TestCondense(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"parenthetical", "Sen. Maria Lopez (D-N.M.) leads the field on the Democratic side with an $18.2 million haul.",
			"Sen. Maria Lopez leads the field on the Democratic side with an $18.2 million haul."},
		{"connective", "However, the city council voted to delay the budget until next month.",
			"The city council voted to delay the budget until next month."},
		{"name starting like a connective", "Andrew Fields won the race in the third district by 400 votes.",
			"Andrew Fields won the race in the third district by 400 votes."},
		{"according to", "According to the ministry, the storm killed at least 12 people in three provinces.",
			"The storm killed at least 12 people in three provinces."},
		{"appositive", "Jane Doe, a professor of economics at the state university, said inflation would slow next year.",
			"Jane Doe said inflation would slow next year."},
		{"relative clause", "Relations between the two countries, which had been strained for years, improved after the summit in June.",
			"Relations between the two countries improved after the summit in June."},
		{"relative clause before a credit", "The company will cut 500 jobs at its Ohio plant, which opened in 1990, a spokesman said.",
			"The company will cut 500 jobs at its Ohio plant, a spokesman said."},
		{"credit after a named speaker", "The minister said the bridge would reopen in May after repairs, state media reported.",
			"The minister said the bridge would reopen in May after repairs."},
		{"credit kept when it is the only attribution", "The bridge will reopen in May after three months of repairs, state media reported.",
			"The bridge will reopen in May after three months of repairs, state media reported."},
		{"reporting verb", "The mayor stressed that the curfew would end on Sunday night.",
			"The mayor said the curfew would end on Sunday night."},
		{"also said", "The coach also said the team would appeal the ruling this week.",
			"The coach said the team would appeal the ruling this week."},
		{"reporting verb with an object stays", "The governor announced a plan to raise the minimum wage next year.",
			"The governor announced a plan to raise the minimum wage next year."},
		{"comment clause", "The central bank raised interest rates by half a point, in what analysts called a surprise move.",
			"The central bank raised interest rates by half a point."},
		{"dash aside", "The airline cancelled 300 flights across the country on Monday — the most since the strike began.",
			"The airline cancelled 300 flights across the country on Monday."},
		{"too short to cut", "Officials, who spoke anonymously, declined to comment.",
			"Officials, who spoke anonymously, declined to comment."},
		{"comma inside a quotation", `The senator said the bill "protects renters, in what is a first, from eviction" in all cases.`,
			`The senator said the bill "protects renters, in what is a first, from eviction" in all cases.`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := condense(tc.in); got != tc.want {
				t.Errorf("condense(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMainClause(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"opening clause", "While talks continued in Geneva, the army shelled the eastern city for a third day.",
			"The army shelled the eastern city for a third day."},
		{"condition kept", "If the rain continues, the river will flood the town by Friday.", ""},
		{"participle", "The storm hit the coast on Monday, knocking out power to 200,000 homes.",
			"The storm hit the coast on Monday."},
		{"both", "After a week of protests, the president resigned from office on Sunday, ending 20 years in power.",
			"The president resigned from office on Sunday."},
		{"nothing to cut", "The vote was 52 to 48 in the Senate on Tuesday.", ""},
		{"too little would remain", "Prices rose, driving inflation to a 40-year high in the spring.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mainClause(tc.in); got != tc.want {
				t.Errorf("mainClause(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStartsWithPronoun(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"He said the talks would resume.", true},
		{"On Friday, she did not comment.", true},
		{"This visit will show the world the closeness of the two sides.", true},
		{"Thessaloniki hosted the summit.", false},
		{"Theresa May resigned.", false},
		{"In a statement issued late on Monday night after the vote, they said nothing.", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := startsWithPronoun(tc.in); got != tc.want {
			t.Errorf("startsWithPronoun(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestUsable(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
		want     string
	}{
		{"dateline and agency", "WASHINGTON (AP) — The Senate passed the spending bill on Tuesday by a vote of 60 to 40.", true,
			"The Senate passed the spending bill on Tuesday by a vote of 60 to 40."},
		{"agency credit", "(Reuters) - The state sued the company on Thursday over unpaid taxes.", true,
			"The state sued the company on Thursday over unpaid taxes."},
		{"loaded label stripped", "Embattled President Ashraf Ghani fled the country on Sunday as fighters entered Kabul.", true,
			"Ashraf Ghani fled the country on Sunday as fighters entered Kabul."},
		{"loaded word in the statement", "The rogue regime fired two missiles into the sea on Sunday morning.", false, ""},
		{"question", "Who has the most campaign cash on hand this quarter?", false, ""},
		{"quotation", "\"We will not back down from this fight,\" the governor said on Monday.", false, ""},
		{"fragment", "and the talks went on until late into the night without a deal.", false, ""},
		{"heading", "Five things to know about the new tax rules", false, ""},
		{"too short", "It rained.", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := text.Sentence{Text: tc.in, Tokens: text.Tokenize(tc.in)}
			got, ok := usable(s)
			if ok != tc.ok || ok && got != tc.want {
				t.Errorf("usable(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestCutAfterList(t *testing.T) {
	cases := []struct{ in, want string }{
		{"The minister said the two sides should work together on trade, energy, finance and farming, build new ports along the coast, and expand flights.",
			"The minister said the two sides should work together on trade, energy, finance and farming."},
		// no verb before the list: the list may be the subject
		{"Officials from France, Italy and Spain, who met in Geneva on Monday, agreed on quotas.",
			"Officials from France, Italy and Spain, who met in Geneva on Monday, agreed on quotas."},
		// too little after the list to be a clause
		{"Prices rose in France, Italy and Spain, officials said.",
			"Prices rose in France, Italy and Spain, officials said."},
		// no list
		{"The council approved the budget on Tuesday, ending a month of talks.",
			"The council approved the budget on Tuesday, ending a month of talks."},
	}
	for _, c := range cases {
		if got := cutAfterList(c.in); got != c.want {
			t.Errorf("cutAfterList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestContextOpenings(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"It was agreed that the two armies would hold joint drills.", false},
		{"It is unclear whether the ceasefire will hold.", false},
		{"It has been shown repeatedly that sanctions fail.", false},
		{"It fell by four percent in the third quarter.", true},
		{"During the talks, it was agreed that tariffs would fall.", false},
		{"On Monday, she resigned from the cabinet.", true},
	}
	for _, c := range cases {
		if got := startsWithPronoun(c.in); got != c.want {
			t.Errorf("startsWithPronoun(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	for in, want := range map[string]bool{
		"The situation with energy exports is similar.": true,
		"Rival firms did the same.":                     true,
		"Gas exports rose by a third in the year.":      false,
		"Analysts expect a similar rise in 2025.":       false,
	} {
		if got := endsComparing(in); got != want {
			t.Errorf("endsComparing(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestMayReport(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Xi noted that the two sides agreed.", true},
		{"Putin also said the talks went well.", true},
		{"He pointed out\tthat trade grew.", true},
		{"The plan that matters was signed.", false},
		{"That was the end of it.", false},
		{"It is said to be true.", false},
	}
	for _, tt := range tests {
		if got := mayReport(tt.in); got != tt.want {
			t.Errorf("mayReport(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// mayReport must never rule out a sentence the expression matches.
	arts := corpus.ECB(t)
	n := 0
	for _, a := range arts {
		for _, s := range strings.Split(a.Text, ". ") {
			if reReporting.MatchString(s) {
				n++
				if !mayReport(s) {
					t.Errorf("mayReport(%q) = false, but reReporting matches", s)
				}
			}
		}
	}
	if n == 0 {
		t.Error("reReporting matched no ECB+ sentence")
	}
}
