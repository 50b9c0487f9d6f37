package collab

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheckCaption checks that any caption is checked without panic,
// deterministically, that At offsets lie inside the caption, and that
// adding an accepted label at the very start always discloses.
func FuzzCheckCaption(f *testing.F) {
	for _, s := range []string{"", "#ad", "#adventure", "#İşbirliği", "I\u0307ŞBİRLİĞİ", "@glow. code MARA15",
		"s\u0327", "#", "@", "##ad", "\xff#ad", "Paid partnership with @x", strings.Repeat("#spon ", 40) + "#ad"} {
		f.Add(s)
	}
	brief := Brief{Rules: DisclosureRules(), Mention: "@glow", Code: "MARA15", Link: "glow.example", Hashtags: []string{"GlowUp"}}
	c, err := NewChecker(brief)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, caption string) {
		a, b := c.Check(caption), c.Check(caption)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic: %+v vs %+v", a, b)
		}
		n := utf8.RuneCountInString(caption)
		for _, r := range a.Rules {
			if r.At < -1 || r.At >= n || (r.At == -1) != (r.Problem == Undisclosed) {
				t.Fatalf("rule %s: at %d of %d runes, problem %s", r.Rule, r.At, n, r.Problem)
			}
		}
		if got := c.Check("#ad #reklam " + caption); got.Rules[0].Problem != NoProblem || got.Rules[2].Problem != NoProblem {
			t.Fatalf("label up front not accepted: %+v", got.Rules)
		}
		// Against the slow reference: the same problems (placement compared
		// only where folding keeps rune offsets: no combining marks) and
		// the same missing elements.
		probs, missing := slowCheck(caption, brief)
		if missing != a.Missing {
			t.Fatalf("missing %s, slow reference says %s", a.Missing, missing)
		}
		sameOffsets := !strings.ContainsAny(caption, "\u0307\u0327\u0306\u0308")
		for i, r := range a.Rules {
			if r.Problem != probs[i] && (sameOffsets || (r.Problem == Misplaced) != (probs[i] == NoProblem)) {
				t.Fatalf("rule %s: %s, slow reference says %s", r.Rule, r.Problem, probs[i])
			}
		}
		if Fold(Fold(caption)) != Fold(caption) {
			t.Fatalf("Fold not idempotent on %q", caption)
		}
	})
}

// FuzzReadEvents checks that any input is read without panic,
// deterministically, and that an error is a *ParseError or wraps a
// sentinel.
func FuzzReadEvents(f *testing.F) {
	for _, s := range []string{"", "deliverable,action,at\n", "deliverable,action,at,post\nd,published,2026-05-01,p\n",
		"deliverable,action,at\nd,\"x\n", "\ufeffDELIVERABLE;action;at\n", "deliverable,action,at\nd,briefed,2026-13-01\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, errA := ReadEvents(strings.NewReader(in))
		b, errB := ReadEvents(strings.NewReader(in))
		if (errA == nil) != (errB == nil) || !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic")
		}
		if errA != nil {
			if _, ok := errA.(*ParseError); !ok {
				t.Fatalf("error %T is not a *ParseError: %v", errA, errA)
			}
			return
		}
		for _, e := range a {
			if e.Deliverable == "" || e.At.IsZero() || !actionText.Valid(e.Action) {
				t.Fatalf("bad event accepted: %+v", e)
			}
		}
	})
}

// FuzzReadDeliverables checks that any input is read without panic and
// deterministically, an error being a *ParseError.
func FuzzReadDeliverables(f *testing.F) {
	head := "id,creator,platform,kind,due,fee,currency,terms,rules,hashtags\n"
	for _, s := range []string{"", head, head + "d,m,instagram,reel,2026-05-10,10.50,EUR,30% signing net 7; 70% publish,FTC|TR,#a b\n",
		head + "d,m,x,live,2026-05-10,1e3,jpy,1 publish net -1,uk,\n", head + "d,m,tiktok,short,2026-05-10,0.001,KWD,;;,,\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, errA := ReadDeliverables(strings.NewReader(in))
		b, errB := ReadDeliverables(strings.NewReader(in))
		if (errA == nil) != (errB == nil) || !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic")
		}
		if errA != nil {
			if _, ok := errA.(*ParseError); !ok {
				t.Fatalf("error %T is not a *ParseError: %v", errA, errA)
			}
			return
		}
		for _, d := range a {
			_ = d.Validate() // must not panic
		}
	})
}
