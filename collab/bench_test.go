package collab

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/kpi"
)

// benchData builds creators × 10 deliverables × 10 events, and one
// published post per deliverable (every other one linked by its event).
func benchData(creators int) ([]Deliverable, []Event, []Content) {
	start := day0("2026-05-01 00:00")
	ds := make([]Deliverable, 0, creators*10)
	ev := make([]Event, 0, creators*100)
	posts := make([]Content, 0, creators*10)
	acts := []Action{Briefed, DraftSubmitted, ChangesRequested, DraftSubmitted, ChangesRequested,
		DraftSubmitted, ChangesRequested, DraftSubmitted, Approved, Published}
	for c := range creators {
		creator := "creator" + strconv.Itoa(c)
		for k := range 10 {
			id := creator + "-" + strconv.Itoa(k)
			d := reel(id, creator, "2026-05-01 00:00")
			d.Due = start.Add(time.Duration(10+k) * day)
			ds = append(ds, d)
			pid := "p-" + id
			for j, a := range acts {
				e := Event{Deliverable: id, Action: a, At: start.Add(time.Duration(k*24+j*6) * time.Hour)}
				if a == Published && k%2 == 0 {
					e.Post = pid
				}
				ev = append(ev, e)
			}
			posts = append(posts, Content{Post: kpi.Post{ID: pid, Creator: creator, Platform: kpi.Instagram,
				PublishedAt: start.Add(time.Duration(k*24+54) * time.Hour)}, Kind: KindReel})
		}
	}
	return ds, ev, posts
}

func BenchmarkStatuses(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		ds, ev, _ := benchData(n)
		asof := day0("2026-06-01 00:00")
		b.Run(strconv.Itoa(n)+"creators", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Statuses(ds, ev, asof); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMatchPosts(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		ds, ev, posts := benchData(n)
		b.Run(strconv.Itoa(n)+"creators", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m, err := MatchPosts(ds, posts, ev)
				if err != nil || len(m.Links) != len(posts) {
					b.Fatal(err, len(m.Links))
				}
			}
		})
	}
}

var benchCaptions = []string{
	"#ad My morning routine with @GlowLab ✨ use code MARA15 for 15 % off glow.example/mara #glowup #skincare",
	"Weekend #adventure in the Alps with @glowlab, sunscreen on all day #glowup #travel #mountains",
	"#İşbirliği Yeni sezon ürünleri @glowlab ile! MARA15 koduyla %15 indirim glow.example/mara #glowup",
	"Morning routine, the serum I use every day: hydrating, light, no smell. Thanks @glowlab for sending it " +
		"over, use MARA15 glow.example/mara #glowup #spon #skincare #morning #routine #selfcare",
}

func BenchmarkCheckCaption(b *testing.B) {
	c, err := NewChecker(Brief{Rules: DisclosureRules(), Mention: "@glowlab", Code: "MARA15", Link: "glow.example/mara",
		Hashtags: []string{"glowup"}})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 1000000} {
		b.Run(strconv.Itoa(n)+"captions", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range n {
					c.Check(benchCaptions[i%len(benchCaptions)])
				}
			}
		})
	}
}

// BenchmarkLongCaption checks one 10⁶-byte caption against the built-in
// rules and a full brief: ASCII near-matches, hashtags, NUL and invalid
// UTF-8, decomposed Turkish. Each is one pass (issue 18: about 10 ms).
func BenchmarkLongCaption(b *testing.B) {
	c, err := NewChecker(Brief{Rules: DisclosureRules(), Mention: "@glowlab", Code: "PAID AD", Link: "glow.example/mara",
		Hashtags: []string{"glowup", "ad"}})
	if err != nil {
		b.Fatal(err)
	}
	for name, s := range map[string]string{"near-matches": strings.Repeat("paid paid #ad @glow ", 50_000),
		"hashtags": strings.Repeat("#ad ", 250_000), "nul-invalid": strings.Repeat("\x00\xff", 500_000),
		"turkish": strings.Repeat("İ\u0307ş", 200_000)} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Check(s)
			}
		})
	}
}

// BenchmarkWindowMatching matches n posts against n deliverables of one
// creator whose windows none of the posts fall in: each post used to be
// compared with every deliverable (10,000: 991 ms); a heap per creator,
// platform and kind makes it O(n log n).
func BenchmarkWindowMatching(b *testing.B) {
	t0 := day0("2026-05-01 00:00")
	for _, n := range []int{1000, 10_000, 100_000} {
		ds := make([]Deliverable, n)
		posts := make([]Content, n)
		for i := range ds {
			ds[i] = reel("d"+strconv.Itoa(i), "mara", "2026-05-01 00:00")
			ds[i].Window = Window{Start: t0.Add(time.Duration(i) * time.Hour), End: t0.Add(time.Duration(i+1) * time.Hour)}
			posts[i] = Content{Post: kpi.Post{ID: "p" + strconv.Itoa(i), Creator: "mara", Platform: kpi.Instagram,
				PublishedAt: t0.Add(-time.Hour)}, Kind: KindReel}
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if m, err := MatchPosts(ds, posts, nil); err != nil || len(m.Extra) != n {
					b.Fatal(err)
				}
			}
		})
	}
}
