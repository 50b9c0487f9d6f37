package collab

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/kpi"
)

func TestReadDeliverables(t *testing.T) {
	in := "id,creator,platform,kind,count,booked,due,fee,currency,terms,rules,mention,code,hashtags,window_end\n" +
		"d1,mara,Instagram,REEL,2,2026-04-01,2026-05-10,1200.50,eur,30% signing net 7; 70% publish net 30,FTC|uk,@glow,MARA15,#glowup serum,2026-06-01\n" +
		"d2,lea,tiktok,short,,,2026-05-10 12:00,900,EUR,,,,,,\n"
	ds, err := ReadDeliverables(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 {
		t.Fatalf("got %d deliverables", len(ds))
	}
	d := ds[0]
	if d.ID != "d1" || d.Platform != kpi.Instagram || d.Kind != KindReel || d.Count != 2 ||
		!d.Booked.Equal(day0("2026-04-01 00:00")) || !d.Due.Equal(day0("2026-05-10 00:00")) ||
		!d.Fee.Amount.Equal(decimal.RequireFromString("1200.5")) || d.Fee.Currency != eur ||
		!d.Window.End.Equal(day0("2026-06-01 00:00")) || !d.Window.Start.IsZero() {
		t.Errorf("d1 = %+v", d)
	}
	// 30% → 0.3 on signing net 7; 70% → 0.7 on publish net 30.
	if len(d.Terms) != 2 || !d.Terms[0].Share.Equal(decimal.RequireFromString("0.3")) || d.Terms[0].On != OnSigning ||
		d.Terms[0].NetDays != 7 || !d.Terms[1].Share.Equal(decimal.RequireFromString("0.7")) || d.Terms[1].NetDays != 30 {
		t.Errorf("terms = %+v", d.Terms)
	}
	if len(d.Brief.Rules) != 2 || d.Brief.Rules[0].Name != "FTC" || d.Brief.Rules[1].Name != "ASA" ||
		d.Brief.Mention != "@glow" || d.Brief.Code != "MARA15" || len(d.Brief.Hashtags) != 2 {
		t.Errorf("brief = %+v", d.Brief)
	}
	if err := d.Validate(); err != nil {
		t.Errorf("d1 invalid: %v", err)
	}
	if ds[1].Kind != KindShort || ds[1].Count != 0 || !ds[1].Due.Equal(day0("2026-05-10 12:00")) || ds[1].Terms != nil {
		t.Errorf("d2 = %+v", ds[1])
	}
}

func TestReadDeliverablesErrors(t *testing.T) {
	head := "id,creator,platform,kind,due,fee,currency,terms,rules\n"
	for _, c := range []struct {
		row, want string
		is        error
	}{
		{"d,m,myspace,reel,2026-05-10,1,EUR,,", `collab: ReadDeliverables: line 2, column 3 (platform): "myspace": invalid: unknown platform`, ErrInvalid},
		{"d,m,instagram,carousel,2026-05-10,1,EUR,,", `collab: ReadDeliverables: line 2, column 4 (kind): "carousel": invalid: want one of post, reel, story, video, short, live`, ErrInvalid},
		{"d,m,instagram,reel,10.05.2026,1,EUR,,", `collab: ReadDeliverables: line 2, column 5 (due): "10.05.2026": invalid syntax: want RFC 3339 or 2006-01-02[ 15:04[:05]]`, ErrSyntax},
		{"d,m,instagram,reel,2026-05-10,1.001,EUR,,", `collab: ReadDeliverables: line 2, column 6 (fee): "1.001": invalid: not a whole number of EUR minor units`, ErrInvalid},
		{"d,m,instagram,reel,2026-05-10,-5,EUR,,", `collab: ReadDeliverables: line 2, column 6 (fee): "-5": negative`, ErrNegative},
		{"d,m,instagram,reel,2026-05-10,5,EURO,,", `collab: ReadDeliverables: line 2, column 7 (currency): "EURO": invalid: not an ISO 4217 code`, ErrInvalid},
		{"d,m,instagram,reel,2026-05-10,5,EUR,50% later,", `collab: ReadDeliverables: line 2, column 8 (terms): "50% later": invalid: trigger "later": want signing or publish`, ErrInvalid},
		{"d,m,instagram,reel,2026-05-10,5,EUR,half publish,", `collab: ReadDeliverables: line 2, column 8 (terms): "half publish": invalid syntax: share "half"`, ErrSyntax},
		{"d,m,instagram,reel,2026-05-10,5,EUR,,CNIL", `collab: ReadDeliverables: line 2, column 9 (rules): "CNIL": invalid: rule "CNIL": want FTC, ASA or Reklam Kurulu (US, GB, TR)`, ErrInvalid},
		{",m,instagram,reel,2026-05-10,5,EUR,,", `collab: ReadDeliverables: line 2, column 1 (id): "": invalid: empty`, ErrInvalid},
	} {
		_, err := ReadDeliverables(strings.NewReader(head + c.row + "\n"))
		var pe *ParseError
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) || !errors.As(err, &pe) {
			t.Errorf("%s:\n got %v\nwant %s", c.row, err, c.want)
		}
	}
	if _, err := ReadDeliverables(strings.NewReader("id,creator\n")); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("missing columns: %v", err)
	}
}

func TestReadPayoutsGifts(t *testing.T) {
	ps, err := ReadPayouts(strings.NewReader("deliverable,amount,currency,at\nd1,300,EUR,2026-04-06\n"))
	if err != nil || len(ps) != 1 || !ps[0].Amount.Amount.Equal(decimal.NewFromInt(300)) || !ps[0].At.Equal(day0("2026-04-06 00:00")) {
		t.Errorf("payouts = %+v, %v", ps, err)
	}
	_, err = ReadPayouts(strings.NewReader("deliverable,amount,currency,at\nd1,3OO,EUR,2026-04-06\n"))
	if err == nil || err.Error() != `collab: ReadPayouts: line 2, column 2 (amount): "3OO": invalid syntax: not a decimal amount` {
		t.Errorf("bad amount: %v", err)
	}
	gs, err := ReadGifts(strings.NewReader("creator,item,sent_at,cost,currency,code\nmara,box,2026-03-01,40,EUR,SUN10\n"))
	if err != nil || len(gs) != 1 || gs[0].Code != "SUN10" || gs[0].Mention != "" || !gs[0].Cost.Amount.Equal(decimal.NewFromInt(40)) {
		t.Errorf("gifts = %+v, %v", gs, err)
	}
}

func TestRuleByName(t *testing.T) {
	for name, want := range map[string]string{"ftc": "FTC", "US": "FTC", "uk": "ASA", "gb": "ASA",
		"reklam kurulu": "Reklam Kurulu", "ReklamKurulu": "Reklam Kurulu", "tr": "Reklam Kurulu"} {
		if r, ok := DisclosureRuleByName(name); !ok || r.Name != want {
			t.Errorf("DisclosureRuleByName(%q) = %q %v, want %q", name, r.Name, ok, want)
		}
	}
	if _, ok := DisclosureRuleByName("CNIL"); ok {
		t.Error("CNIL found")
	}
}
