//go:build ignore

// gen writes the sample data of examples/campaign: a fictional skincare brand,
// Helio Skin, and the forty creators it considered for its spring 2026 SPF
// campaign. Every number is made up; the generator is deterministic (a fixed
// PCG seed), so running it again gives the same files:
//
//	go run ./examples/campaign/data/gen.go
//
// It is kept next to the files so a reader can see how they were made and
// change the story.
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type creator struct {
	handle, platform string
	followers        int64
	following        int64
	category         string
	country          string
	language         string
	fee              int64   // quoted fee for one deliverable, EUR
	deliverable      string  // reel, post, video
	er               float64 // typical engagement rate (IG: likes+comments / followers, TT: likes+comments+shares / views)
	age              [5]int  // 13-17, 18-24, 25-34, 35-44, 45+ (percent)
	female           int     // percent
	de, at, ch       int     // percent; the rest is other countries
	cluster          string  // audience pool (for deliberate overlaps)
	clusterShare     float64 // share of the follower sample drawn from the pool
	spike            bool    // a follower jump in the history (bought followers)
	commentRatio     float64 // likes per comment
}

// The candidates. Instagram first, then TikTok.
var creators = []creator{
	{"lena.glow", "instagram", 48_200, 610, "skincare", "DE", "de", 1_900, "reel", 0.0119, [5]int{2, 44, 38, 12, 4}, 86, 78, 12, 6, "beauty-de", 0.45, false, 38},
	{"mara.skinlab", "instagram", 126_000, 820, "skincare", "DE", "de", 4_200, "reel", 0.0091, [5]int{1, 35, 42, 16, 6}, 81, 74, 10, 9, "beauty-de", 0.35, false, 45},
	{"sophie.outdoors", "instagram", 74_500, 540, "outdoor", "AT", "de", 2_600, "reel", 0.0108, [5]int{1, 28, 44, 19, 8}, 63, 35, 52, 8, "outdoor", 0.4, false, 30},
	{"jonas.runs", "instagram", 31_800, 900, "fitness", "DE", "de", 1_200, "reel", 0.014, [5]int{1, 30, 45, 18, 6}, 31, 80, 11, 5, "fitness", 0.5, false, 25},
	{"emma.vegan.beauty", "instagram", 22_400, 1_100, "beauty", "DE", "de", 900, "post", 0.0182, [5]int{3, 51, 34, 9, 3}, 91, 82, 9, 6, "beauty-de", 0.5, false, 32},
	{"clara.sunandsea", "instagram", 9_300, 700, "travel", "DE", "de", 450, "post", 0.0213, [5]int{2, 40, 40, 13, 5}, 77, 85, 8, 4, "travel", 0.3, false, 28},
	{"nina.derma", "instagram", 212_000, 480, "skincare", "DE", "de", 7_800, "reel", 0.0073, [5]int{1, 26, 41, 22, 10}, 84, 71, 12, 10, "beauty-de", 0.3, false, 60},
	{"lisa.minimal", "instagram", 58_900, 390, "lifestyle", "CH", "de", 2_300, "post", 0.0084, [5]int{1, 30, 46, 17, 6}, 74, 30, 8, 55, "lifestyle", 0.4, false, 41},
	{"anna.hikes", "instagram", 16_700, 1_300, "outdoor", "AT", "de", 700, "reel", 0.0161, [5]int{1, 33, 43, 17, 6}, 68, 30, 60, 5, "outdoor", 0.5, false, 27},
	{"paula.pilates", "instagram", 39_600, 750, "fitness", "DE", "de", 1_500, "reel", 0.0133, [5]int{1, 38, 43, 13, 5}, 88, 79, 12, 6, "fitness", 0.45, false, 33},
	{"katrin.cleanbeauty", "instagram", 87_300, 620, "beauty", "DE", "de", 3_100, "reel", 0.0101, [5]int{2, 42, 38, 13, 5}, 89, 77, 13, 6, "beauty-de", 0.4, false, 40},
	{"marie.makeup", "instagram", 143_000, 980, "beauty", "DE", "de", 5_200, "reel", 0.0066, [5]int{6, 52, 30, 9, 3}, 92, 76, 11, 7, "beauty-de", 0.35, false, 55},
	{"tom.grooming", "instagram", 27_100, 450, "grooming", "DE", "de", 950, "post", 0.0115, [5]int{1, 34, 44, 15, 6}, 12, 81, 10, 5, "grooming", 0.5, false, 3},
	{"julia.family", "instagram", 95_000, 1_500, "family", "DE", "de", 3_000, "post", 0.0077, [5]int{0, 10, 38, 38, 14}, 90, 82, 10, 5, "family", 0.4, false, 35},
	{"sara.glowup", "instagram", 61_000, 7_400, "beauty", "DE", "de", 2_000, "reel", 0.009, [5]int{4, 40, 32, 14, 10}, 70, 48, 6, 4, "beauty-de", 0.2, true, 140},
	{"lea.skincare.diary", "instagram", 12_900, 560, "skincare", "AT", "de", 600, "post", 0.0196, [5]int{2, 47, 36, 11, 4}, 93, 35, 58, 4, "beauty-de", 0.5, false, 26},
	{"vivi.travels", "instagram", 340_000, 1_000, "travel", "DE", "de", 11_500, "reel", 0.0049, [5]int{1, 31, 40, 19, 9}, 72, 55, 9, 6, "travel", 0.25, false, 70},
	{"bella.luxe", "instagram", 1_310_000, 350, "fashion", "DE", "de", 28_000, "reel", 0.0038, [5]int{5, 45, 33, 12, 5}, 80, 42, 6, 5, "fashion", 0.1, false, 90},
	{"rick.casino.life", "instagram", 88_000, 900, "gambling", "DE", "de", 2_500, "post", 0.0095, [5]int{3, 41, 36, 14, 6}, 18, 70, 15, 8, "gambling", 0.5, false, 35},
	{"mia.sunnyday", "instagram", 4_200, 380, "lifestyle", "DE", "de", 200, "post", 0.0252, [5]int{3, 50, 33, 10, 4}, 85, 86, 8, 4, "lifestyle", 0.3, false, 22},
	{"chloe.la", "instagram", 230_000, 640, "beauty", "US", "en", 6_500, "reel", 0.008, [5]int{4, 46, 34, 11, 5}, 87, 3, 1, 1, "us", 0.2, false, 48},
	{"hanna.bodypositive", "instagram", 44_800, 52_300, "fitness", "DE", "de", 1_650, "reel", 0.0126, [5]int{2, 43, 40, 11, 4}, 90, 80, 11, 6, "fitness", 0.4, false, 29},
	{"eva.zero.waste", "instagram", 19_900, 1_250, "sustainability", "DE", "de", 800, "post", 0.0171, [5]int{1, 36, 42, 15, 6}, 82, 78, 12, 7, "lifestyle", 0.4, false, 24},
	{"lucas.barber", "instagram", 70_200, 3_100, "grooming", "DE", "de", 1_800, "post", 0.0021, [5]int{2, 38, 40, 14, 6}, 8, 76, 12, 6, "grooming", 0.3, false, 60},

	{"lena.glow.tt", "tiktok", 96_000, 240, "skincare", "DE", "de", 2_400, "reel", 0.070, [5]int{9, 55, 27, 7, 2}, 84, 76, 13, 6, "lena", 0.55, false, 45},
	{"skintok.sarah", "tiktok", 410_000, 310, "skincare", "DE", "de", 6_900, "reel", 0.060, [5]int{12, 52, 26, 7, 3}, 83, 73, 12, 8, "tiktok-beauty", 0.3, false, 70},
	{"spf.samira", "tiktok", 58_000, 420, "skincare", "DE", "de", 1_600, "reel", 0.090, [5]int{6, 50, 33, 8, 3}, 88, 77, 12, 7, "tiktok-beauty", 0.45, false, 55},
	{"glowwithgigi", "tiktok", 152_000, 520, "beauty", "AT", "de", 3_300, "reel", 0.075, [5]int{10, 54, 27, 7, 2}, 90, 45, 44, 6, "tiktok-beauty", 0.4, false, 62},
	{"derm.daniel", "tiktok", 275_000, 180, "skincare", "DE", "de", 5_500, "reel", 0.058, [5]int{5, 40, 36, 13, 6}, 61, 70, 14, 10, "tiktok-beauty", 0.3, false, 50},
	{"ava.routines", "tiktok", 33_000, 610, "beauty", "DE", "de", 950, "reel", 0.105, [5]int{11, 56, 26, 5, 2}, 92, 80, 11, 6, "tiktok-beauty", 0.5, false, 48},
	{"mila.dance", "tiktok", 820_000, 150, "dance", "DE", "de", 9_500, "reel", 0.081, [5]int{41, 42, 12, 3, 2}, 71, 66, 10, 8, "genz", 0.3, false, 85},
	{"outdoor.ola", "tiktok", 41_000, 700, "outdoor", "AT", "de", 1_100, "reel", 0.080, [5]int{4, 38, 40, 13, 5}, 58, 30, 58, 6, "outdoor", 0.45, false, 40},
	{"fitfam.felix", "tiktok", 126_000, 390, "fitness", "DE", "de", 2_800, "reel", 0.065, [5]int{8, 46, 33, 9, 4}, 28, 78, 12, 6, "fitness", 0.35, false, 52},
	{"beautyby.jule", "tiktok", 74_000, 480, "beauty", "DE", "de", 1_900, "reel", 0.088, [5]int{9, 55, 27, 7, 2}, 91, 79, 12, 5, "tiktok-beauty", 0.45, false, 50},
	{"noah.pranks", "tiktok", 510_000, 260, "comedy", "DE", "de", 7_200, "reel", 0.072, [5]int{33, 45, 16, 4, 2}, 38, 72, 12, 8, "genz", 0.35, false, 95},
	{"tiktok.tina", "tiktok", 22_000, 5_900, "beauty", "DE", "de", 600, "reel", 0.310, [5]int{14, 50, 26, 7, 3}, 86, 60, 8, 5, "tiktok-beauty", 0.2, true, 12},
	{"vapeclouds.max", "tiktok", 64_000, 820, "vaping", "DE", "de", 1_500, "reel", 0.069, [5]int{18, 52, 22, 6, 2}, 22, 74, 12, 7, "genz", 0.4, false, 55},
	{"lara.lifehacks", "tiktok", 188_000, 430, "lifestyle", "CH", "de", 3_900, "reel", 0.051, [5]int{8, 44, 33, 11, 4}, 76, 30, 9, 52, "lifestyle", 0.3, false, 58},
	{"yuki.styles", "tiktok", 300_000, 290, "beauty", "US", "en", 5_800, "reel", 0.066, [5]int{15, 51, 25, 6, 3}, 85, 2, 1, 1, "us", 0.3, false, 60},
	{"pia.pure", "tiktok", 8_800, 520, "skincare", "DE", "de", 350, "reel", 0.120, [5]int{7, 54, 30, 7, 2}, 94, 81, 11, 5, "tiktok-beauty", 0.5, false, 35},
}

// booked lists the creators Helio Skin booked: the example's shortlist by
// value, except fitfam.felix, who declined; his budget went to two
// Instagram creators, lena.glow and emma.vegan.beauty. Each has a discount
// code and a link; strength is how well their audience bought (orders per
// 1,000 accounts reached).
var booked = []struct {
	handle, code, utm string
	pieces            int
	strength          float64
}{
	{"pia.pure", "PIA15", "pia", 3, 2.8},
	{"clara.sunandsea", "CLARA15", "clara", 2, 2.2},
	{"spf.samira", "SAMIRA15", "samira", 2, 2.4},
	{"ava.routines", "AVA15", "ava", 3, 2.0},
	{"eva.zero.waste", "EVA15", "eva", 2, 1.9},
	{"beautyby.jule", "JULE15", "jule", 2, 1.6},
	{"lea.skincare.diary", "LEA15", "lea", 2, 3.4},
	{"outdoor.ola", "OLA15", "ola", 2, 1.2},
	{"glowwithgigi", "GIGI15", "gigi", 2, 0.9},
	{"anna.hikes", "ANNA15", "anna", 2, 1.5},
	{"lena.glow", "LENA15", "lena", 2, 2.6},
	{"emma.vegan.beauty", "EMMA15", "emma", 2, 3.0},
}

var (
	start = time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC) // Monday
	weeks = 8
)

func main() {
	dir := filepath.Dir(must(filepath.Abs(os.Args[0])))
	if len(os.Args) > 1 {
		dir = os.Args[1]
	} else {
		dir = "examples/campaign/data"
	}
	r := rand.New(rand.NewPCG(2026, 330))
	writeCreators(filepath.Join(dir, "creators.csv"))
	writeHistory(filepath.Join(dir, "history.csv"), r)
	writeFollowers(filepath.Join(dir, "followers.txt"))
	writeBookings(filepath.Join(dir, "bookings.csv"))
	posts := writePosts(filepath.Join(dir, "posts.csv"), r)
	orders := writeOrders(filepath.Join(dir, "orders.csv"), r, posts)
	writePaths(filepath.Join(dir, "paths.csv"), r)
	writeSpend(filepath.Join(dir, "spend.csv"))
	// The collaboration files come last and draw no random number, so the
	// files above stay as they were before them.
	writeDeliverables(filepath.Join(dir, "deliverables.csv"), posts)
	writeEvents(filepath.Join(dir, "events.csv"), posts)
	writePayouts(filepath.Join(dir, "payouts.csv"), posts)
	writePastCreators(filepath.Join(dir, "past_creators.csv"))
	// The surveys (section 9) draw no random number either.
	writePostPurchase(filepath.Join(dir, "postpurchase.csv"), orders)
	writeBrandLift(filepath.Join(dir, "brandlift.csv"))
	writeCreatorSurvey(filepath.Join(dir, "creator_survey.csv"))
}

// must returns v, or stops the generator with err (a file it cannot write).
func must[T any](v T, err error) T {
	check(err)
	return v
}

// check stops the generator with err, if any: status 1 and the message.
func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func create(path string) (*bufio.Writer, func()) {
	f := must(os.Create(path))
	w := bufio.NewWriter(f)
	return w, func() {
		check(w.Flush())
		check(f.Close())
	}
}

func writeCreators(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "handle,platform,followers,following,category,country,language,fee,deliverables,age_13_17,age_18_24,age_25_34,age_35_44,age_45_plus,female,male,aud_de,aud_at,aud_ch,aud_other")
	for _, c := range creators {
		other := 100 - c.de - c.at - c.ch
		fmt.Fprintf(w, "%s,%s,%d,%d,%s,%s,%s,%d.00,2 %s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n",
			c.handle, c.platform, c.followers, c.following, c.category, c.country, c.language, 2*c.fee, c.deliverable,
			c.age[0], c.age[1], c.age[2], c.age[3], c.age[4], c.female, 100-c.female, c.de, c.at, c.ch, other)
	}
}

func jitter(r *rand.Rand, x float64, rel float64) float64 {
	return x * (1 + rel*(2*r.Float64()-1))
}

// writeHistory writes the last 12 public posts of every candidate before the
// campaign: what a planner sees on the profile (likes, comments, followers;
// TikTok also shows shares and views). Reach and impressions are private.
func writeHistory(path string, r *rand.Rand) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "id,creator,platform,published_at,followers,likes,comments,shares,views")
	for _, c := range creators {
		f := float64(c.followers) * 0.955 // they grew about 4.5 % over 12 weeks
		for k := 0; k < 12; k++ {
			at := start.AddDate(0, 0, -84+7*k+r.IntN(5)).Add(time.Duration(17+r.IntN(4)) * time.Hour)
			if c.spike && k == 7 {
				f *= 1.22 // an overnight jump: bought followers
			} else {
				f *= 1.004
			}
			fol := int64(f)
			if k == 11 {
				fol = c.followers
			}
			id := fmt.Sprintf("%s-h%02d", short(c.handle), k+1)
			switch c.platform {
			case "instagram":
				eng := jitter(r, c.er, 0.3) * float64(fol)
				comments := int64(eng / (1 + c.commentRatio))
				likes := int64(eng) - comments
				lk := fmt.Sprint(likes)
				if (c.handle == "nina.derma" || c.handle == "katrin.cleanbeauty") && k == 4 {
					lk = "" // likes hidden on this post
				}
				fmt.Fprintf(w, "%s,%s,instagram,%s,%d,%s,%d,,\n", id, c.handle, at.Format(time.RFC3339), fol, lk, comments)
			case "tiktok":
				views := int64(jitter(r, 0.9, 0.5) * float64(fol))
				eng := jitter(r, c.er, 0.3) * float64(views)
				shares := int64(eng * 0.08)
				comments := int64((eng - float64(shares)) / (1 + c.commentRatio))
				likes := int64(eng) - shares - comments
				fmt.Fprintf(w, "%s,%s,tiktok,%s,%d,%d,%d,%d,%d\n", id, c.handle, at.Format(time.RFC3339), fol, likes, comments, shares, views)
			}
		}
	}
}

func short(h string) string {
	return strings.ReplaceAll(strings.ReplaceAll(h, ".", ""), "_", "")
}

// writeFollowers writes a 1-in-100 sample of each candidate's followers as ID
// ranges. Pools shared by creators with a similar audience make the overlaps.
func writeFollowers(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "# Follower samples: for each creator, the IDs of a 1-in-100 sample of their")
	fmt.Fprintln(w, "# followers (the followers whose ID hash falls in the same 1 % bucket, so a")
	fmt.Fprintln(w, "# person is kept for every creator they follow or for none), as ranges.")
	fmt.Fprintln(w, "# Format: handle: first-last first-last ... (inclusive ranges) or single IDs.")
	pools := map[string]int64{}
	poolBase := int64(1_000_000)
	offsets := map[string]int64{}
	for i, c := range creators {
		n := c.followers / 100
		if n > 3000 {
			n = 3000 + (n-3000)/4 // the very largest accounts: a thinner sample
		}
		shared := int64(float64(n) * c.clusterShare)
		own := n - shared
		var ranges []string
		if c.cluster == "lena" { // the same person on TikTok: half follow her on Instagram too
			lenaIG := int64(50_000_000)
			ranges = append(ranges, fmt.Sprintf("%d-%d", lenaIG+40, lenaIG+40+shared-1))
		} else if shared > 0 {
			if _, ok := pools[c.cluster]; !ok {
				pools[c.cluster] = poolBase
				poolBase += 1_000_000
			}
			p := pools[c.cluster]
			off := offsets[c.cluster]
			ranges = append(ranges, fmt.Sprintf("%d-%d", p+off, p+off+shared-1))
			offsets[c.cluster] = off + shared/3 // the next creator overlaps two thirds of this slice
		}
		ownBase := int64(50_000_000) + int64(i)*1_000_000
		if c.handle == "lena.glow" {
			ownBase = 50_000_000
		}
		ranges = append(ranges, fmt.Sprintf("%d-%d", ownBase, ownBase+own-1))
		fmt.Fprintf(w, "%s: %s\n", c.handle, strings.Join(ranges, " "))
	}
}

func writeBookings(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "handle,deliverables,fee,code,utm_source,utm_campaign,name,aliases")
	for _, b := range booked {
		c := find(b.handle)
		aliases := ""
		if b.handle == "glowwithgigi" {
			aliases = "Gigi" // a short name: matched exactly only as an alias
		}
		fmt.Fprintf(w, "%s,%d %s,%s,%s,%s,%s,%s,%s\n", b.handle, b.pieces, c.deliverable, agreed(c, b.pieces), b.code, c.platform, b.utm, realName[b.handle], aliases)
	}
}

// agreed is the fee negotiated for a booking: the quoted two-piece package
// less 5 %, and a third piece at 60 % of one.
func agreed(c creator, pieces int) string {
	cents := 2 * c.fee * 95
	if pieces == 3 {
		cents += c.fee * 60
	}
	return fmt.Sprintf("%d.%02d", cents/100, cents%100)
}

func find(h string) creator {
	for _, c := range creators {
		if c.handle == h {
			return c
		}
	}
	check(fmt.Errorf("no creator %q in the story", h))
	return creator{}
}

type post struct {
	creator string
	at      time.Time
	reach   int64
	id      string
	piece   int // 1, 2, … of the creator's booking
}

func writePosts(path string, r *rand.Rand) []post {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "id,creator,platform,published_at,followers,likes,comments,shares,saves,views,reach,impressions,clicks,conversions,caption")
	var out []post
	for bi, b := range booked {
		c := find(b.handle)
		for k := 0; k < b.pieces; k++ {
			day := (bi*3 + k*(weeks*7/b.pieces) + r.IntN(4)) % (weeks*7 - 2)
			at := start.AddDate(0, 0, day).Add(time.Duration(16+r.IntN(5))*time.Hour + time.Duration(r.IntN(60))*time.Minute)
			fol := c.followers + int64(day)*c.followers/1500
			reach := int64(jitter(r, 0.42, 0.25) * float64(fol))
			views := reach * 13 / 10
			if c.platform == "tiktok" {
				reach = int64(jitter(r, 1.1, 0.3) * float64(fol))
				views = reach * 14 / 10
			}
			impressions := reach * 16 / 10
			var likes, comments, shares, saves int64
			if c.platform == "instagram" {
				eng := jitter(r, c.er*6, 0.25) * float64(reach) // by reach: Insights count saves and shares too
				saves = int64(eng * 0.12)
				shares = int64(eng * 0.05)
				comments = int64((eng - float64(saves+shares)) / (1 + c.commentRatio))
				likes = int64(eng) - saves - shares - comments
			} else {
				eng := jitter(r, c.er, 0.25) * float64(views)
				shares = int64(eng * 0.08)
				saves = int64(eng * 0.06)
				comments = int64((eng - float64(shares+saves)) / (1 + c.commentRatio))
				likes = int64(eng) - shares - saves - comments
			}
			clicks := int64(jitter(r, 0.011, 0.3) * float64(reach))
			conv := int64(float64(clicks) * jitter(r, 0.05, 0.3))
			id := fmt.Sprintf("%s-c%d", short(c.handle), k+1)
			lk := fmt.Sprint(likes)
			if c.handle == "clara.sunandsea" && k == 1 {
				lk = "N/A" // she hides like counts: Insights do not report them
			}
			fmt.Fprintf(w, "%s,%s,%s,%s,%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%s\n", id, c.handle, c.platform, at.Format(time.RFC3339), fol, lk, comments, shares, saves, views, reach, impressions, clicks, conv,
				csvQuote(caption(b.handle, b.code, k+1)))
			out = append(out, post{c.handle, at, reach, id, k + 1})
		}
	}
	return out
}

var products = []struct {
	name  string
	price float64
	w     float64
}{
	{"/products/daily-spf50-fluid", 24.90, 0.55},
	{"/products/spf-duo", 44.90, 0.3},
	{"/products/summer-set", 69.90, 0.15},
}

func product(r *rand.Rand) (string, float64) {
	x := r.Float64()
	for _, p := range products {
		if x < p.w {
			return p.name, p.price
		}
		x -= p.w
	}
	return products[0].name, products[0].price
}

// shopOrder is one order of orders.csv, as the surveys need it.
type shopOrder struct {
	id          string
	at          time.Time
	amount      float64
	code, landg string
}

func writeOrders(path string, r *rand.Rand, posts []post) []shopOrder {
	type order = shopOrder
	var orders []order
	end := start.AddDate(0, 0, weeks*7)
	for _, p := range posts {
		var b struct {
			handle, code, utm string
			pieces            int
			strength          float64
		}
		for _, x := range booked {
			if x.handle == p.creator {
				b = x
			}
		}
		c := find(b.handle)
		n := int(float64(p.reach) / 1000 * b.strength)
		for i := 0; i < n; i++ {
			// most orders come in the first days after the post
			delay := time.Duration(-math.Log(1-r.Float64())*40*float64(time.Hour)) + time.Duration(r.IntN(3600))*time.Second
			at := p.at.Add(delay)
			if !at.Before(end) {
				continue
			}
			page, price := product(r)
			code, landing := "", page
			utm := fmt.Sprintf("https://helioskin.example%s?utm_source=%s&utm_medium=social&utm_campaign=%s", page, c.platform, b.utm)
			switch x := r.Float64(); {
			case x < 0.55: // code, came in by link
				code, landing = b.code, utm
			case x < 0.75: // code typed, came in by search
				code = b.code
				switch r.IntN(6) {
				case 0:
					code = strings.ToLower(code)
				case 1:
					code = " " + code + " "
				}
			default: // link only
				landing = utm
			}
			amount := price
			if code != "" {
				amount = math.Round(price*85) / 100 // 15 % off
			}
			orders = append(orders, order{"", at, amount, code, landing})
		}
	}
	// orders the campaign did not bring, or that nobody can credit
	for day := 0; day < weeks*7; day++ {
		for i := 0; i < 4+r.IntN(5); i++ {
			at := start.AddDate(0, 0, day).Add(time.Duration(7*3600+r.IntN(16*3600)) * time.Second)
			page, price := product(r)
			code := ""
			switch x := r.Float64(); {
			case x < 0.12:
				code = "WELCOME10"
				price = math.Round(price*90) / 100
			case x < 0.14:
				code = "HELIO-FRIENDS"
				price = math.Round(price*80) / 100
			}
			orders = append(orders, order{"", at, price, code, page})
		}
	}
	sort.SliceStable(orders, func(i, j int) bool { return orders[i].at.Before(orders[j].at) })
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "Name,Created at,Total,Currency,Discount Code,Landing Site,Customer ID,Financial Status,Refunded Amount,Refunded at,Cancelled at,Clicked at")
	// The after-sale columns (issue 17) come from their own source, so that
	// the columns above and every other file stay as they were.
	r2 := rand.New(rand.NewPCG(2026, 17))
	cest := time.FixedZone("CEST", 2*3600)
	stamp := func(t time.Time) string { return t.In(cest).Format("2006-01-02 15:04:05 -0700") }
	customers := 0
	for i, o := range orders {
		// a quarter of the orders come from a customer who bought before
		cust := customers + 1
		if customers > 0 && r2.Float64() < 0.25 {
			cust = 1 + r2.IntN(customers)
		} else {
			customers++
		}
		status, refunded, refundedAt, cancelledAt, clickedAt := "paid", "", "", "", ""
		switch x := r2.Float64(); {
		case x < 0.03: // part refunded, days or weeks later (some after the report dates)
			status, refunded = "partially_refunded", fmt.Sprintf("%.2f", math.Round(o.amount*30)/100)
			refundedAt = stamp(o.at.Add(time.Duration(2+r2.IntN(25)) * 24 * time.Hour))
		case x < 0.05: // refunded in full
			status, refunded = "refunded", fmt.Sprintf("%.2f", o.amount)
			refundedAt = stamp(o.at.Add(time.Duration(3+r2.IntN(25)) * 24 * time.Hour))
		case x < 0.06: // voided within a day
			status, cancelledAt = "voided", stamp(o.at.Add(time.Duration(1+r2.IntN(24))*time.Hour))
		}
		if strings.Contains(o.landg, "utm_") {
			// most click and buy in one visit; some come back weeks later,
			// a few after the 28-day window
			delay := time.Duration(r2.IntN(3*3600)) * time.Second
			if r2.Float64() < 0.1 {
				delay = time.Duration(20*24*3600+r2.IntN(15*24*3600)) * time.Second
			}
			clickedAt = stamp(o.at.Add(-delay))
		}
		fmt.Fprintf(w, "#%d,%s,%.2f,EUR,%s,%s,C%04d,%s,%s,%s,%s,%s\n", 5001+i, stamp(o.at), o.amount, o.code, o.landg,
			cust, status, refunded, refundedAt, cancelledAt, clickedAt)
		orders[i].id = fmt.Sprintf("#%d", 5001+i)
	}
	return orders
}

// writePaths writes journey patterns as an attribution tool exports them:
// the touches in order, conversions, their value and journeys that did not
// convert.
func writePaths(path string, r *rand.Rand) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "path;total_conversions;total_conversion_value;total_null")
	channels := []string{}
	for _, b := range booked {
		channels = append(channels, b.handle)
	}
	extra := []string{"google_search", "newsletter", "retargeting_ads"}
	seen := map[string]bool{}
	for len(seen) < 90 {
		n := 1 + r.IntN(4)
		var touches []string
		for k := 0; k < n; k++ {
			if r.Float64() < 0.7 {
				touches = append(touches, channels[r.IntN(len(channels))])
			} else {
				touches = append(touches, extra[r.IntN(len(extra))])
			}
		}
		if r.Float64() < 0.35 {
			touches = append(touches, "retargeting_ads")
		}
		key := strings.Join(touches, " > ")
		if seen[key] {
			continue
		}
		seen[key] = true
		conv := r.IntN(1 + 12/n)
		nulls := 20 + r.IntN(200)
		val := 0.0
		for i := 0; i < conv; i++ {
			_, p := product(r)
			val += p
		}
		fmt.Fprintf(w, "%s;%d;%.2f;%d\n", key, conv, val, nulls)
	}
}

func writeSpend(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "date,item,category,amount")
	for i, b := range booked {
		c := find(b.handle)
		d := start.AddDate(0, 0, 7+i%5*7)
		fmt.Fprintf(w, "%s,fee %s,influencer_fees,%s\n", d.Format("2006-01-02"), b.handle, agreed(c, b.pieces))
	}
	rows := []string{
		"2026-03-20,product seeding (60 kits),content_production,1380.00",
		"2026-04-03,photo shoot day,content_production,1650.00",
		"2026-04-24,editing and captions,content_production,412.50",
		"2026-04-06,Spark Ads boost week 2,paid_amplification,1800.00",
		"2026-04-20,Spark Ads boost week 4,paid_amplification,2250.00",
		"2026-05-04,partnership ads week 6,paid_amplification,1975.35",
		"2026-03-30,agency retainer month 1,management,1000.00",
		"2026-04-30,agency retainer month 2,management,1000.00",
		"2026-03-30,tracking platform (2 months),tools,590.00",
		"2026-05-12,extra Reel for lea.skincare.diary,contingency,540.00",
	}
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
}

// csvQuote quotes a CSV field.
func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// caption is the text of a creator's piece: "#ad" up front, the brand's
// @helioskin, the creator's code and #helioskin, as the brief asks; except
// for the findings the example shows: glowwithgigi's second reel forgot
// the label, anna.hikes's first reel tagged #adventure but not #ad (a tag
// is matched whole: #adventure is not #ad), ava.routines's second reel
// left out her code, lena.glow put "#ad" at the end of a long caption
// (after the first 125 characters a feed shows), and spf.samira, who posts
// for her Turkish-German audience, disclosed in Turkish (#İşbirliği, then
// #reklam: the Reklam Kurulu's labels).
func caption(handle, code string, piece int) string {
	switch {
	case handle == "glowwithgigi" && piece == 2:
		return "Mein Sommer-Essential: das Daily SPF 50 Fluid von @helioskin ☀️ Mit " + code + " 15 % sparen #helioskin #skincare"
	case handle == "anna.hikes" && piece == 1:
		return "Gipfeltag! Auf 2.000 m schützt mich das Daily SPF 50 Fluid von @helioskin. Code " + code + " #adventure #hiking #helioskin"
	case handle == "ava.routines" && piece == 2:
		return "#ad Morgenroutine in 60 Sekunden mit @helioskin Daily SPF 50 ✨ #helioskin #skintok"
	case handle == "lena.glow" && piece == 2:
		return "Drei Wochen Test: kein Weißeln, kein Glanz, auch unter Make-up. Mein Fazit zum Daily SPF 50 Fluid von @helioskin im Reel, " +
			"mit allen Details zur Textur und zum Finish. Code " + code + " für 15 % #helioskin #spf #ad"
	case handle == "spf.samira":
		label := "#İşbirliği"
		if piece == 2 {
			label = "#reklam"
		}
		return label + " @helioskin ile her gün SPF 50 ☀️ " + code + " koduyla %15 indirim #helioskin"
	}
	return fmt.Sprintf("#ad Daily SPF 50 Fluid von @helioskin, Teil %d ☀️ Mit %s 15 %% sparen #helioskin", piece, code)
}

// The collaboration: every piece booked is one deliverable, booked on 23
// March, paid 100 % on signing, net 14 days (due 6 April). A piece is due
// at 00:00 UTC three days after the day it went live (so it went live in
// time), except the late ones below: their due date lies that many days
// before the day they went live (a piece published at or after its due
// time is ⌊(published − due) / 24 h⌋ + 1 days late).
var lateBy = map[string]int{"glowwithgigi-1": 3, "outdoorola-1": 1, "annahikes-1": 5}

var booking = time.Date(2026, 3, 23, 0, 0, 0, 0, time.UTC)

// deliverableID names the piece'th deliverable of a creator.
func deliverableID(handle string, piece int) string {
	return fmt.Sprintf("%s-d%d", short(handle), piece)
}

// due is a piece's deadline, at 00:00 UTC.
func due(p post) time.Time {
	day := time.Date(p.at.Year(), p.at.Month(), p.at.Day(), 0, 0, 0, 0, time.UTC)
	if n, ok := lateBy[fmt.Sprintf("%s-%d", short(p.creator), p.piece)]; ok {
		return day.AddDate(0, 0, -n)
	}
	return day.AddDate(0, 0, 3)
}

// pieceFees splits an agreed fee (in cents) over the pieces: equal parts,
// the cents left over on the last.
func pieceFees(agreedCents int64, pieces int) []int64 {
	out := make([]int64, pieces)
	for i := range out {
		out[i] = agreedCents / int64(pieces)
	}
	out[pieces-1] += agreedCents % int64(pieces)
	return out
}

func cents(s string) int64 {
	var whole, frac int64
	fmt.Sscanf(s, "%d.%d", &whole, &frac)
	return whole*100 + frac
}

func euros(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

// The extra reel lea.skincare.diary was asked for on 8 May (the spend
// ledger's contingency line): 1,080.00, half on signing, half 14 days
// later; due 20 May. Only the first half was paid (12 May), and the reel
// is not out by the end: overdue, and so is the second half (due 22 May).
const leaExtra = "leaskincarediary-x1"

func writeDeliverables(path string, posts []post) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "id,creator,platform,kind,count,booked,due,window_start,window_end,fee,currency,terms,rules,mention,code,hashtags")
	end := start.AddDate(0, 0, weeks*7)
	for _, b := range booked {
		c := find(b.handle)
		fees := pieceFees(cents(agreed(c, b.pieces)), b.pieces)
		rules := "ASA"
		if b.handle == "spf.samira" {
			rules = "TR"
		}
		for _, p := range posts {
			if p.creator != b.handle {
				continue
			}
			fmt.Fprintf(w, "%s,%s,%s,%s,1,%s,%s,%s,%s,%s,EUR,100%% signing net 14,%s,@helioskin,%s,helioskin\n",
				deliverableID(b.handle, p.piece), b.handle, c.platform, c.deliverable, booking.Format(time.DateOnly), due(p).Format(time.DateOnly),
				start.Format(time.DateOnly), end.Format(time.DateOnly), euros(fees[p.piece-1]), rules, b.code)
		}
	}
	fmt.Fprintf(w, "%s,lea.skincare.diary,instagram,reel,1,2026-05-08,2026-05-20,2026-05-08,%s,1080.00,EUR,50%% signing; 50%% signing net 14,ASA,@helioskin,LEA15,helioskin\n",
		leaExtra, end.Format(time.DateOnly))
}

// writeEvents logs each piece: briefed the day after booking, a draft five
// days before it went live, changes asked on every third piece (and a
// second draft), approval two days before, then published with the post's
// ID; except eva.zero.waste's second post, which nobody logged (the
// matching finds it by creator, platform, kind and window).
func writeEvents(path string, posts []post) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "deliverable,action,at,post,note")
	ts := func(t time.Time) string { return t.Format("2006-01-02 15:04") }
	briefed := booking.AddDate(0, 0, 1).Add(10 * time.Hour)
	for i, p := range posts {
		id := deliverableID(p.creator, p.piece)
		fmt.Fprintf(w, "%s,briefed,%s,,\n", id, ts(briefed))
		fmt.Fprintf(w, "%s,draft_submitted,%s,,\n", id, ts(p.at.AddDate(0, 0, -5)))
		if i%3 == 2 {
			fmt.Fprintf(w, "%s,changes_requested,%s,,%s\n", id, ts(p.at.AddDate(0, 0, -4)), "product not visible in the first seconds")
			fmt.Fprintf(w, "%s,draft_submitted,%s,,\n", id, ts(p.at.AddDate(0, 0, -3)))
		}
		fmt.Fprintf(w, "%s,approved,%s,,\n", id, ts(p.at.AddDate(0, 0, -2)))
		if p.creator == "eva.zero.waste" && p.piece == 2 {
			continue
		}
		fmt.Fprintf(w, "%s,published,%s,%s,\n", id, p.at.Format(time.RFC3339), p.id)
	}
	fmt.Fprintf(w, "%s,briefed,2026-05-08 11:00,,\n", leaExtra)
	fmt.Fprintf(w, "%s,draft_submitted,2026-05-15 18:00,,\n", leaExtra)
	fmt.Fprintf(w, "%s,changes_requested,2026-05-17 09:30,,%s\n", leaExtra, "SPF claim needs the lab test footnote")
}

// writePayouts writes the transfers of the spend ledger's fee lines, split
// over each creator's pieces, and the first half of the extra reel.
func writePayouts(path string, posts []post) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "deliverable,amount,currency,at")
	for i, b := range booked {
		c := find(b.handle)
		d := start.AddDate(0, 0, 7+i%5*7) // as in writeSpend
		for k, fee := range pieceFees(cents(agreed(c, b.pieces)), b.pieces) {
			fmt.Fprintf(w, "%s,%s,EUR,%s\n", deliverableID(b.handle, k+1), euros(fee), d.Format(time.DateOnly))
		}
	}
	fmt.Fprintf(w, "%s,540.00,EUR,2026-05-12\n", leaExtra)
}

// writePastCreators writes what each creator of the previous campaign,
// Winter Glow (December 2025, Instagram only), delivered and brought:
// deliverables on time and late, days late in all, drafts, the fee paid,
// and the revenue and orders credited to their code (the roi report of
// that campaign). Six of the forty candidates were in it; the fees add up
// to 22,900.00 of its 31,800.00 cost, the revenue to 29,270.00 of its
// 33,390.00 and the orders to 815 of its 912.
func writePastCreators(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "campaign,creator,end,deliverables,on_time,late,days_late,rounds,fee,revenue,orders")
	for _, r := range []string{
		"lena.glow,2,2,0,0,3,3400.00,6120.00,170",
		"mara.skinlab,2,1,1,5,4,7600.00,8360.00,230",
		"katrin.cleanbeauty,2,0,2,9,5,5600.00,4480.00,125",
		"emma.vegan.beauty,2,2,0,0,2,1600.00,4160.00,118",
		"lea.skincare.diary,2,2,0,0,2,1100.00,3630.00,102",
		"sara.glowup,2,1,1,3,2,3600.00,2520.00,70",
	} {
		fmt.Fprintf(w, "\"Winter Glow, Dec 2025 (Instagram only)\",%s,2025-12-22,%s\n", strings.SplitN(r, ",", 2)[0], strings.SplitN(r, ",", 2)[1])
	}
}

// realName is each booked creator's name as followers write it (bookings.csv's
// name column, a key of the survey matcher besides the handle).
var realName = map[string]string{
	"pia.pure":           "Pia Reuter",
	"clara.sunandsea":    "Clara Sonnberg",
	"spf.samira":         "Samira Yıldız",
	"ava.routines":       "Ava Demir",
	"eva.zero.waste":     "Eva Öztürk",
	"beautyby.jule":      "Jule Aydın",
	"lea.skincare.diary": "Lea İnce",
	"outdoor.ola":        "Ola Berger",
	"glowwithgigi":       "Gizem Çelik",
	"anna.hikes":         "Anna Kaya",
	"lena.glow":          "Lena Glück",
	"emma.vegan.beauty":  "Emma Şen",
}

// heardOf is how buyers name each booked creator in the post-purchase
// survey: the handle with or without "@", the name with and without its
// Turkish or German letters, in capitals (İ), with a typo.
var heardOf = map[string][]string{
	"pia.pure":           {"@pia.pure", "Pia Reuter", "pia pure on tiktok", "Pia Reuters"},
	"clara.sunandsea":    {"@clara.sunandsea", "Clara Sonnberg", "clara sun and sea"},
	"spf.samira":         {"@spf.samira", "Samira Yıldız", "SAMİRA YILDIZ", "samira yildiz on tiktok", "Samira Yildis"},
	"ava.routines":       {"@ava.routines", "Ava Demir", "ava routines", "Ava Demır"},
	"eva.zero.waste":     {"@eva.zero.waste", "Instagram'da Eva Öztürk", "eva ozturk", "Eva Östürk"},
	"beautyby.jule":      {"@beautyby.jule", "Jule Aydın", "jule aydin", "beautybyjule tiktok", "Jule Aydn"},
	"lea.skincare.diary": {"@lea.skincare.diary", "Lea İnce", "LEA INCE", "lea skincare diary"},
	"outdoor.ola":        {"@outdoor.ola", "Ola Berger", "outdoor ola"},
	"glowwithgigi":       {"glowwithgigi", "Gizem Çelik", "GIZEM CELIK", "Gigi", "glow with gigi"},
	"anna.hikes":         {"@anna.hikes", "Anna Kaya", "ANNA KAYA"},
	"lena.glow":          {"@lena.glow", "Lena Glück", "lena gluck", "Lena Glueck"},
	"emma.vegan.beauty":  {"@emma.vegan.beauty", "Emma Şen", "emma vegan beauty"},
}

// elsewhere are the answers of buyers no creator brought, in turn: channels
// the report names (search, friend, TV, Instagram, TikTok), two ambiguous
// answers and ones that match nothing.
var elsewhere = []string{"Google", "a friend", "TV ad", "can't remember", "Anna Kaya or Lena Glück?", "Instagram",
	"googled sunscreen", "my sister", "saw it on TikTok", "podcast", "@lena.glow / @emma.vegan.beauty", ""}

// npsCycle are the answers to "how likely are you to recommend us" in
// turn: in 20, 12 promoters (9–10), 5 passives (7–8), 3 detractors (0–6).
var npsCycle = []string{"10 (Extremely likely)", "9", "9", "10", "8", "7", "9", "10", "6", "8",
	"9", "10", "5", "9", "8", "10", "3", "9", "7", "10"}

// creditedTo is the booked creator an order's code (trimmed, any case)
// or, failing that, link (utm_campaign) credits, or "".
func creditedTo(o shopOrder) string {
	for _, b := range booked {
		if strings.EqualFold(strings.TrimSpace(o.code), b.code) {
			return b.handle
		}
	}
	for _, b := range booked {
		if strings.Contains(o.landg, "utm_campaign="+b.utm) && o.code == "" {
			return b.handle
		}
	}
	return ""
}

// writePostPurchase writes the post-purchase survey: every fifth order
// (the third, eighth, …) answered "How did you hear about us?" and "How
// likely are you to recommend us?" an hour after buying. A buyer a creator
// brought names them (one in nine names another creator, one in nine a
// platform); of the others, three in twelve name a creator the codes and
// links missed and the rest say elsewhere.
func writePostPurchase(path string, orders []shopOrder) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "Submitted at,Order ID,How did you hear about us?,How likely are you to recommend us?")
	seen := map[string]int{}
	other, answered := 0, 0
	for i, o := range orders {
		if i%5 != 2 {
			continue
		}
		var text string
		if h := creditedTo(o); h != "" {
			k := seen[h]
			seen[h]++
			switch {
			case k%9 == 8: // names another creator
				text = heardOf[booked[(indexOf(h)+1)%len(booked)].handle][0]
			case k%9 == 7:
				text = []string{"Instagram", "saw it on TikTok"}[k/9%2]
			default:
				text = heardOf[h][k%len(heardOf[h])]
			}
		} else {
			if other%15 < 3 { // a creator the codes missed
				b := booked[(other/15*3+other%15)%len(booked)]
				text = heardOf[b.handle][(other/15)%len(heardOf[b.handle])]
			} else {
				text = elsewhere[(other/15*12+other%15-3)%len(elsewhere)]
			}
			other++
		}
		nps := npsCycle[answered%len(npsCycle)]
		if answered%25 == 24 {
			nps = "" // not answered
		}
		answered++
		fmt.Fprintf(w, "%s,%s,%s,%s\n", o.at.Add(time.Hour).UTC().Format("2006-01-02 15:04:05"), o.id, csvQuote(text), csvQuote(nps))
	}
}

func indexOf(handle string) int {
	for i, b := range booked {
		if b.handle == handle {
			return i
		}
	}
	check(fmt.Errorf("%q not booked", handle))
	return 0
}

// writeBrandLift writes the brand-lift survey after the campaign: 400
// people who saw a sponsored post (exposed) and 400 who did not (control)
// asked "Have you heard of Helio Skin?"; 7 in 20 exposed and 13 in 50
// control say yes (140 and 104), in English or Turkish; 5 exposed skipped
// the question.
func writeBrandLift(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "Respondent ID,Group,Have you heard of Helio Skin?")
	yes := []string{"Yes", "yes", "Evet", "Yes"}
	no := []string{"No", "no", "Hayır", "No"}
	for j := 0; j < 405; j++ {
		a := no[j%4]
		if j%20 < 7 {
			a = yes[j%4]
		}
		if j >= 400 {
			a = ""
		}
		fmt.Fprintf(w, "R%04d,exposed,%s\n", 2*j+1, a)
	}
	for j := 0; j < 400; j++ {
		a := no[j%4]
		if j%50 < 13 {
			a = yes[j%4]
		}
		fmt.Fprintf(w, "R%04d,control,%s\n", 2*j+2, a)
	}
}

// writeCreatorSurvey writes the creators' own survey: eleven booked creators
// and one who answered anonymously, on 1–5 scales and yes/no. Payment is
// the weak point (eva.zero.waste waits for an overdue transfer).
func writeCreatorSurvey(path string) {
	w, done := create(path)
	defer done()
	fmt.Fprintln(w, "Submitted at,Handle,Brief clarity,Communication,Payment on time,Creative freedom,Would work with us again")
	rows := []string{
		"pia.pure,5,5,4,4,Yes",
		"clara.sunandsea,4,5,3,5,Yes",
		"@spf.samira,5,4,4,3,Yes",
		"ava.routines,4,4,3,4,Yes",
		"eva.zero.waste,3,4,1,4,No",
		"beautyby.jule,5,5,4,2,Yes",
		"lea.skincare.diary,2,3,3,4,Yes",
		"outdoor.ola,4,4,2,5,Yes",
		"glowwithgigi,5,5,4,4,Yes",
		"anna.hikes,4,5,3,5,Yes",
		"lena.glow,4,4,4,3,Yes",
		",3,4,2,4,No",
	}
	for i, r := range rows {
		fmt.Fprintf(w, "2026-05-%02d 10:%02d:00,%s\n", 26+i/6, 10*(i%6), r)
	}
}
