package collab

import (
	"errors"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"#İşbirliği", "#işbirliği"},
		{"#IŞBIRLIĞI", "#işbirliği"}, // Turkish capitals, dotless I: ı and i fold alike
		{"#ışbırlığı", "#işbirliği"},
		{"I\u0307ŞBİRLİĞİ", "işbirliği"},       // decomposed İ: I + combining dot above
		{"is\u0327birlig\u0306i", "işbirliği"}, // decomposed ş and ğ compose
		{"ΣΊΣΥΦΟΣ ς", "σίσυφοσ σ"},             // final sigma folds with σ
		{"\u212a", "k"},                        // Kelvin sign
		{"Paid Partnership", "paid partnership"},
		{"é", "é"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckCaptionDisclosure(t *testing.T) {
	long := strings.Repeat("x", 130) + " "
	for _, c := range []struct {
		name, caption string
		rule          DisclosureRule
		problem       Problem
		label         string
		at            int
	}{
		{"ad up front", "#ad New serum from @glow", FTC(), NoProblem, "#ad", 0},
		{"ad upper case", "Love it #AD", ASA(), NoProblem, "#ad", 8}, // "Love it " is 8 runes
		{"adventure is not ad", "#adventure time with @glow", FTC(), Undisclosed, "", -1},
		{"ad_campaign is not ad", "#ad_campaign", FTC(), Undisclosed, "", -1},
		{"ad followed by punctuation", "(#ad) serum", FTC(), NoProblem, "#ad", 1},
		{"phrase", "Paid partnership with @glow", FTC(), NoProblem, "paid partnership", 0},
		{"phrase needs whole words", "unpaid partnerships", FTC(), Undisclosed, "", -1},
		{"ASA plain Ad label", "Ad | new serum", ASA(), NoProblem, "ad", 0},
		{"ASA sponsored is weak", "#sponsored serum", ASA(), WeakOnly, "#sponsored", 0},
		{"FTC spon weak", "great serum #spon", FTC(), WeakOnly, "#spon", 12},
		{"misplaced after the cut", long + "#ad", FTC(), Misplaced, "#ad", 131}, // 130 x + space
		{"Turkish capital İ", "#İşbirliği ile yeni serum", ReklamKurulu(), NoProblem, "#işbirliği", 0},
		{"Turkish ascii variant", "#ISBIRLIGI", ReklamKurulu(), NoProblem, "#isbirligi", 0},
		{"Turkish dotless capitals", "#IŞBIRLIĞI", ReklamKurulu(), NoProblem, "#işbirliği", 0},
		{"Turkish phrase two words", "Bu bir iş birliği içeriğidir", ReklamKurulu(), NoProblem, "iş birliği", 7},
		{"reklamdeğiltavsiye is not reklam", "#reklamdeğiltavsiye", ReklamKurulu(), Undisclosed, "", -1},
		{"Turkish reklam", "yeni sezon #Reklam", ReklamKurulu(), NoProblem, "#reklam", 11},
		{"empty caption", "", FTC(), Undisclosed, "", -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := CheckCaption(c.caption, Brief{Rules: []DisclosureRule{c.rule}})
			if err != nil {
				t.Fatal(err)
			}
			rc := got.Rules[0]
			if rc.Problem != c.problem || rc.Label != c.label || rc.At != c.at {
				t.Errorf("got %+v, want problem %s label %q at %d", rc, c.problem, c.label, c.at)
			}
			wantMissing := c.problem == Undisclosed || c.problem == WeakOnly
			if (got.Missing&Disclosure != 0) != wantMissing || (got.Misplaced&Disclosure != 0) != (c.problem == Misplaced) {
				t.Errorf("missing %s misplaced %s for problem %s", got.Missing, got.Misplaced, c.problem)
			}
		})
	}
}

func TestCheckCaptionElements(t *testing.T) {
	b := Brief{Mention: "@GlowLab", Code: "MARA15", Link: "https://glow.example/mara", Hashtags: []string{"#GlowUp", "serum"}}
	for _, c := range []struct {
		caption string
		missing Element
	}{
		{"Try it @glowlab code mara15 glow.example/mara #glowup #Serum", 0},
		{"Try it @glowlabfans code mara15 glow.example/mara #glowup #serum", Mention},
		{"Try it @glowlab. code MARA150 glow.example/mara #glowup #serum", Code}, // trailing dot ends the mention
		{"Try it @glowlab code MARA15 glow.example #glowup #serum", Link},
		{"Try it @glowlab code MARA15 glow.example/mara #glowupnow #serum", Hashtags},
		{"", Mention | Code | Link | Hashtags},
	} {
		got, err := CheckCaption(c.caption, b)
		if err != nil {
			t.Fatal(err)
		}
		if got.Missing != c.missing || got.OK() != (c.missing == 0) {
			t.Errorf("%q: missing %s, want %s", c.caption, got.Missing, c.missing)
		}
	}
}

func TestNewCheckerErrors(t *testing.T) {
	for _, c := range []struct {
		b    Brief
		want string
	}{
		{Brief{Rules: []DisclosureRule{{Tags: []string{"ad"}}}}, "collab: NewChecker: rules[0].name: empty"},
		{Brief{Rules: []DisclosureRule{{Name: "x"}}}, "collab: NewChecker: rules[0].tags: no tag or phrase discloses"},
		{Brief{Rules: []DisclosureRule{{Name: "x", Tags: []string{"two words"}}}}, `collab: NewChecker: rules[0].tags[0]: not a single hashtag ("two words")`},
		{Brief{Rules: []DisclosureRule{{Name: "x", Tags: []string{"ad"}, Within: -1}}}, "collab: NewChecker: rules[0].within: negative (-1)"},
		{Brief{Code: "--"}, `collab: NewChecker: code: no letter or digit ("--")`},
		{Brief{Hashtags: []string{"#"}}, `collab: NewChecker: hashtags[0]: not a single hashtag ("#")`},
	} {
		_, err := NewChecker(c.b)
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrNegative) {
			t.Errorf("NewChecker(%+v) = %v, want %s", c.b, err, c.want)
		}
	}
}

func TestDiscloses(t *testing.T) {
	c, err := NewChecker(Brief{Rules: []DisclosureRule{FTC(), ReklamKurulu()}})
	if err != nil {
		t.Fatal(err)
	}
	// FTC accepts #ad, the Turkish rule does not: both are needed.
	if c.Discloses("#ad serum") {
		t.Error("#ad alone satisfied the Turkish rule")
	}
	if !c.Discloses("#ad #reklam serum") {
		t.Error("#ad #reklam not disclosed")
	}
	if none, _ := NewChecker(Brief{}); none.Discloses("#ad") {
		t.Error("no rules discloses")
	}
}
