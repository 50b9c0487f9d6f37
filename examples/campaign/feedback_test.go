package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// heardAs is, by hand, where each answer text of the embedded post-purchase
// survey belongs: a booked creator's handle, "channel", "ambiguous" or
// "unmatched" (written from data/gen.go's story, not from the matcher).
var heardAs = map[string]string{
	"@pia.pure": "pia.pure", "Pia Reuter": "pia.pure", "pia pure on tiktok": "pia.pure", "Pia Reuters": "pia.pure",
	"@clara.sunandsea": "clara.sunandsea", "Clara Sonnberg": "clara.sunandsea", "clara sun and sea": "clara.sunandsea",
	"@spf.samira": "spf.samira", "Samira Yıldız": "spf.samira", "SAMİRA YILDIZ": "spf.samira", "samira yildiz on tiktok": "spf.samira", "Samira Yildis": "spf.samira",
	"@ava.routines": "ava.routines", "Ava Demir": "ava.routines", "ava routines": "ava.routines", "Ava Demır": "ava.routines",
	"@eva.zero.waste": "eva.zero.waste", "Instagram'da Eva Öztürk": "eva.zero.waste", "eva ozturk": "eva.zero.waste", "Eva Östürk": "eva.zero.waste",
	"@beautyby.jule": "beautyby.jule", "Jule Aydın": "beautyby.jule", "jule aydin": "beautyby.jule", "beautybyjule tiktok": "beautyby.jule", "Jule Aydn": "beautyby.jule",
	"@lea.skincare.diary": "lea.skincare.diary", "Lea İnce": "lea.skincare.diary", "LEA INCE": "lea.skincare.diary", "lea skincare diary": "lea.skincare.diary",
	"@outdoor.ola": "outdoor.ola", "Ola Berger": "outdoor.ola", "outdoor ola": "outdoor.ola",
	"glowwithgigi": "glowwithgigi", "Gizem Çelik": "glowwithgigi", "GIZEM CELIK": "glowwithgigi", "Gigi": "glowwithgigi", "glow with gigi": "glowwithgigi",
	"@anna.hikes": "anna.hikes", "Anna Kaya": "anna.hikes", "ANNA KAYA": "anna.hikes",
	"@lena.glow": "lena.glow", "Lena Glück": "lena.glow", "lena gluck": "lena.glow", "Lena Glueck": "lena.glow",
	"@emma.vegan.beauty": "emma.vegan.beauty", "Emma Şen": "emma.vegan.beauty", "emma vegan beauty": "emma.vegan.beauty",
	"Google": "channel", "googled sunscreen": "channel", "a friend": "channel", "my sister": "channel", "TV ad": "channel",
	"Instagram": "channel", "saw it on TikTok": "channel",
	"Anna Kaya or Lena Glück?": "ambiguous", "@lena.glow / @emma.vegan.beauty": "ambiguous",
	"can't remember": "unmatched", "podcast": "unmatched",
}

// orderCredit credits every embedded order by hand, as credited does: a
// booked code (trimmed, any case), else the link's utm_source and
// utm_campaign; "" for none.
func orderCredit(t *testing.T) map[string]string {
	t.Helper()
	codes, links := map[string]string{}, map[[2]string]string{}
	for _, b := range embedded(t, "bookings.csv", ',') {
		codes[strings.ToUpper(b["code"])] = b["handle"]
		links[[2]string{strings.ToLower(b["utm_source"]), strings.ToLower(b["utm_campaign"])}] = b["handle"]
	}
	out := map[string]string{}
	for _, o := range embedded(t, "orders.csv", ',') {
		if h, ok := codes[strings.ToUpper(strings.TrimSpace(o["Discount Code"]))]; ok {
			out[o["Name"]] = h
			continue
		}
		u, err := url.Parse(o["Landing Site"])
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		out[o["Name"]] = links[[2]string{strings.ToLower(q.Get("utm_source")), strings.ToLower(q.Get("utm_campaign"))}]
	}
	return out
}

// TestFeedback checks section 9 against the embedded surveys, counted here
// with encoding/csv and the hand table heardAs.
func TestFeedback(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	if err := run([]string{"-json"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	f := rep.Feedback
	credit := orderCredit(t)
	type tally struct{ both, codeOnly, surveyOnly, disagree int64 }
	want := map[string]*tally{}
	get := func(h string) *tally {
		if want[h] == nil {
			want[h] = &tally{}
		}
		return want[h]
	}
	var answered, buckets = int64(0), map[string]int64{}
	var prom, pass, det, scored int64
	for _, r := range embedded(t, "postpurchase.csv", ',') {
		if s := r["How likely are you to recommend us?"]; s != "" {
			n, _, _ := strings.Cut(s, " ")
			switch scored++; n {
			case "9", "10":
				prom++
			case "7", "8":
				pass++
			default:
				det++
			}
		}
		text := r["How did you hear about us?"]
		if text == "" {
			continue // not answered
		}
		answered++
		where, ok := heardAs[text]
		if !ok {
			t.Fatalf("answer %q not in the hand table", text)
		}
		code := credit[r["Order ID"]]
		isCreator := where != "channel" && where != "ambiguous" && where != "unmatched"
		if isCreator {
			buckets["creator"]++
		} else {
			buckets[where]++
		}
		switch {
		case isCreator && code == where:
			get(where).both++
		case isCreator && code == "":
			get(where).surveyOnly++
		case isCreator:
			get(where).disagree++
			get(code).codeOnly++
		case code != "":
			get(code).codeOnly++
		}
	}
	c := f.Credit
	// 1,750 orders; every fifth from the third answered: 350 rows, 4 of
	// them blank ("" in the story's elsewhere list) → 346 answered.
	if c.Orders != 1750 || c.Answered != answered || answered != 346 {
		t.Errorf("orders %d, answered %d; want 1750 and %d (346 by hand)", c.Orders, c.Answered, answered)
	}
	for b, n := range buckets {
		var got int64
		for k, v := range c.Buckets {
			if k.String() == b {
				got = v
			}
		}
		if got != n {
			t.Errorf("bucket %s: %d answers, want %d", b, got, n)
		}
	}
	var surveyOnly int64
	for _, cr := range c.Creators {
		w := get(cr.Creator)
		surveyOnly += w.surveyOnly
		if cr.Both.Orders != w.both || cr.CodeOnly.Orders != w.codeOnly || cr.SurveyOnly.Orders != w.surveyOnly || cr.Disagree.Orders != w.disagree {
			t.Errorf("%s: both %d, code only %d, survey only %d, disagree %d; want %+v", cr.Creator,
				cr.Both.Orders, cr.CodeOnly.Orders, cr.SurveyOnly.Orders, cr.Disagree.Orders, *w)
		}
	}
	// What codes missed, extrapolated: N·k/n = 1750·15/346 = 75.867…
	// (15 survey-only answers: three in each fifteen of the 75 answers of
	// uncredited orders).
	if surveyOnly != 15 || c.Missed.Orders.Sub(decimal.NewFromInt(1750*15).Div(decimal.NewFromInt(346))).Abs().GreaterThan(decimal.New(1, -12)) {
		t.Errorf("missed %s orders from %d survey-only answers; want 1750·15/346 = 75.867", c.Missed.Orders, surveyOnly)
	}
	// NPS: 350 rows, every 25th answer blank → 336 scores; the cycle of
	// 20 has 12 promoters, 5 passives, 3 detractors: 16 full cycles (320)
	// and 16 more; counted from the file.
	if f.NPS.Responses != scored || f.NPS.Promoters != prom || f.NPS.Passives != pass || f.NPS.Detractors != det || scored != 336 {
		t.Errorf("NPS %+v; want %d answers: %d promoters, %d passives, %d detractors", f.NPS, scored, prom, pass, det)
	}
	if want := decimal.NewFromInt(prom-det).DivRound(decimal.NewFromInt(scored), 16); !f.NPS.Score.Equal(want) {
		t.Errorf("NPS %s, want (%d − %d)/%d = %s", f.NPS.Score, prom, det, scored, want)
	}
	// Previous campaign: (81 − 45)/180 = 0.2; change = now − 0.2.
	if f.PastNPS == nil || !f.PastNPS.Score.Equal(decimal.RequireFromString("0.2")) || !f.Change.Estimate.Equal(f.NPS.Score.Sub(decimal.RequireFromString("0.2"))) {
		t.Errorf("past NPS %+v, change %+v; want 0.2 and now − 0.2", f.PastNPS, f.Change)
	}
	// Brand lift: 7 in 20 of 400 exposed = 140 (0.35), 13 in 50 of 400
	// control = 104 (0.26): +0.09.
	l := f.Lift
	if l == nil || !l.ExposedRate.Equal(decimal.RequireFromString("0.35")) || !l.ControlRate.Equal(decimal.RequireFromString("0.26")) || !l.Absolute.Equal(decimal.RequireFromString("0.09")) {
		t.Fatalf("lift %+v; want 0.35 − 0.26 = 0.09", l)
	}
	// Half the lift, 0.045 over 0.26 at 80 % power: p̄ = (0.305 + 0.26)/2 =
	// 0.2825; n = (1.959964·√(2·0.2825·0.7175) + 0.841621·√(0.305·0.695 +
	// 0.26·0.74))² / 0.045² = (1.247911 + 0.535191)² / 0.002025 =
	// 3.179453 / 0.002025 = 1570.1 → 1571 per group.
	if f.HalfLift == nil || f.HalfLift.Exposed != 1571 || f.HalfLift.Control != 1571 {
		t.Errorf("sample for half the lift %+v; want 1571 per group", f.HalfLift)
	}
	creatorSurveyChecks(t, f)
}

// creatorSurveyChecks: the creators' survey (data/gen.go's twelve rows).
func creatorSurveyChecks(t *testing.T, f FeedbackReport) {
	t.Helper()
	cr := f.Creators
	if cr == nil || len(cr.Questions) != 5 {
		t.Fatalf("creator survey %+v", cr)
	}
	// Payment on time: 4+3+4+3+1+4+3+2+4+3+4+2 = 37 → 37/12 = 3.0833…;
	// Brief clarity 5+4+5+4+3+5+2+4+5+4+4+3 = 48 → 4.
	if got := cr.Questions[2].Summary.Mean.StringFixed(4); got != "3.0833" {
		t.Errorf("payment on time: mean %s, want 37/12 = 3.0833", got)
	}
	if got := cr.Questions[0].Summary.Mean; !got.Equal(decimal.NewFromInt(4)) {
		t.Errorf("brief clarity: mean %s, want 48/12 = 4", got)
	}
	// Positions: payment (3.0833 − 1)/4 = 0.521, creative freedom
	// (47/12 − 1)/4 = 0.729, brief (4 − 1)/4 = 0.75, communication
	// (52/12 − 1)/4 = 0.833, again 10/12 = 0.833 (tie: by name).
	wantOrder := []string{"Payment on time", "Creative freedom", "Brief clarity", "Communication", "Would work with us again"}
	if strings.Join(cr.Weakest, "|") != strings.Join(wantOrder, "|") {
		t.Errorf("weakest %v, want %v", cr.Weakest, wantOrder)
	}
	// Low answers: eva.zero.waste 1 and outdoor.ola 2 and the anonymous 2
	// on payment; lea 2 on the brief; jule 2 on freedom; eva and the
	// anonymous "No": 7.
	if len(cr.Low) != 7 {
		t.Errorf("%d low answers, want 7: %+v", len(cr.Low), cr.Low)
	}
}
