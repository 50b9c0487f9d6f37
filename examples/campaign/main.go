// Command campaign runs a whole influencer campaign, end to end, on sample
// data: Helio Skin, a fictional German skincare brand, launches a daily SPF
// 50 fluid with creators on Instagram and TikTok over eight weeks in spring
// 2026.
//
//	go run ./examples/campaign            # the report, as text
//	go run ./examples/campaign -json      # the same report as JSON
//	go run ./examples/campaign -html report.html  # and as one HTML page with charts
//
// It prints nine sections, in the order a campaign is run:
//
//  1. Goals and KPIs: SMART targets (value and deadline) and where they stand.
//  2. Candidates: forty creators filtered and ranked by selection.Rank
//     (engagement against the benchmark of their platform and tier, audience
//     fit, category fit, authenticity flags, cost efficiency, growth), with
//     the breakdown of each score; the rejected ones with the filter that
//     excluded them.
//  3. The shortlist under the fee budget, by value (expected engagements from
//     the target audience) and by unique reach, with the overlap of the chosen
//     creators' followers and the reach each one adds.
//  4. The budget: categories split to the cent, fee estimates from a rate card
//     against the quoted and agreed fees, planned against actual spend.
//  5. Tracking: each creator's posts and engagement rates, and the weekly
//     engagement and reach against the engagement target.
//  6. Results: ROI, ROAS, CPA, CPE, CPM and EMV per creator and in total;
//     orders credited by discount code and link; the same orders net of
//     refunds and cancellations as of the report date (roi.CreditSales: a
//     code during the campaign and 7 days after, a link 28 days after its
//     click), each creator's new and returning customers, CAC, ROAS with its
//     95 % bootstrap interval (roi.BootstrapSales) and the cohorts' 30/60/90-day
//     value; two multi-touch attribution models side by side and the
//     rate-based Shapley value; a comparison with the previous campaign.
//  7. Next campaign: this campaign's fee budget spread again over the
//     creators it paid (budget.Allocate), each on a concave response curve
//     through their fee and credited revenue, with the assumptions stated.
//  8. Collaboration: the follow-up of every booked creator (package collab):
//     each deliverable's status as of the report date, what is late and by
//     how many days, each post's disclosure and brief findings, the payments
//     due or overdue, and each creator's record across campaigns (the
//     previous campaign's results feed section 2's reliability and past
//     performance).
//  9. Feedback: what buyers, the public and the creators said (package
//     feedback): the post-purchase survey's "how did you hear about us?"
//     matched to the creators and set beside the code and link credit (what
//     the codes missed, extrapolated with its interval), the buyers' Net
//     Promoter Score against the previous campaign's, the brand lift of a
//     survey with its interval and the sample a test of half that lift
//     needs, and the creators' own survey with its weakest points.
//
// The sample data lives in data/ (embedded in the program; data/gen.go made
// it, deterministically, and tells its story). Every name and number is
// made up. To run the report on your own data, give any of the files:
//
//	-profiles creators.csv   handle, platform, followers, following, category, country,
//	                         language, fee, deliverables ("2 reel"), audience shares in
//	                         percent: age_13_17 … age_45_plus, female, male, aud_de,
//	                         aud_at, aud_ch, aud_other
//	-history  posts.csv      the candidates' recent public posts (kpi.ReadPosts columns)
//	-followers samples.txt   "handle: 100-199 250 …": follower IDs of a sample, as ranges
//	-bookings bookings.csv   handle, deliverables, fee, code, utm_source, utm_campaign; optional
//	                         name and aliases (";"-separated): how followers call them (section 9)
//	-posts    posts.csv      the sponsored posts (kpi.ReadPosts columns; a caption column,
//	                         if present, is read for the disclosure and brief checks)
//	-orders   orders.csv     a shop export (roi.ReadOrders: Name, Created at, Total, …; and
//	                         roi.ReadSales with Shopify's names: Customer ID, Financial Status,
//	                         Refunded Amount, Refunded at, Cancelled at, Clicked at, optional)
//	-paths    paths.csv      journeys "a > b > c;conversions;value;nulls" (roi.ReadPaths)
//	-spend    spend.csv      date, item ("fee <handle>" for a creator), category, amount
//	-past     past.csv       campaign, cost, revenue, orders, engagements, impressions; optional
//	                         nps_promoters, nps_passives, nps_detractors (section 9)
//	-deliverables deliverables.csv  what each booked creator owes (collab.ReadDeliverables: id,
//	                         creator, platform, kind, due, fee, currency, terms, rules, mention, code…)
//	-events   events.csv     the follow-up log: deliverable, action, at, post, note (collab.ReadEvents)
//	-payouts  payouts.csv    fee transfers: deliverable, amount, currency, at (collab.ReadPayouts)
//	-past-creators past_creators.csv  campaign, creator, end, deliverables, on_time, late,
//	                         days_late, rounds, fee, revenue, orders: each creator in earlier campaigns
//	-survey   postpurchase.csv  a post-purchase survey export: order ID, "How did you hear about us?",
//	                         "How likely are you to recommend us?" (0-10; feedback.ReadSurvey)
//	-brandlift brandlift.csv  a brand-lift survey: Group (exposed or anything else: control),
//	                         "Have you heard of Helio Skin?" (yes/no, evet/hayır)
//	-creator-survey creator_survey.csv  the creators' survey: Handle, "Brief clarity",
//	                         "Communication", "Payment on time", "Creative freedom" (1-5),
//	                         "Would work with us again" (yes/no)
//	-budget   45000          the total budget
//	-currency EUR            the ISO 4217 currency of every amount
//	-asof     2026-04-27     a report during the campaign: only the data before that day
//
// A file that cannot be read stops the program with its name, line and
// column, and exit status 1.
package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

//go:embed data/*.csv data/*.txt
var sample embed.FS

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		var u usageError
		if errors.As(err, &u) {
			if errors.Is(u.error, flag.ErrHelp) {
				os.Exit(0) // -h: the usage was asked for
			}
			os.Exit(2) // the flag package has printed the problem and the usage
		}
		fmt.Fprintln(os.Stderr, "campaign:", err)
		os.Exit(1)
	}
}

// run is the whole program; main only maps its error to the exit status.
func run(args []string, stdout, stderr io.Writer) error {
	rep, o, err := report(args, stderr)
	if err != nil {
		return err
	}
	if o.html != "" {
		if err := writePageFile(o.html, rep); err != nil {
			return err
		}
	}
	return write(stdout, rep, o.asJSON)
}

// write prints the report as text, or as indented JSON.
func write(w io.Writer, rep Report, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return printReport(w, rep)
}

// dataFiles are the program's input files: flag name, embedded file, what
// it holds; in the order they are read.
var dataFiles = []struct{ name, file, what string }{
	{"profiles", "creators.csv", "candidate creators (CSV)"},
	{"history", "history.csv", "the candidates' recent posts (CSV)"},
	{"followers", "followers.txt", "follower ID samples (text)"},
	{"bookings", "bookings.csv", "booked creators, fees and tracking (CSV)"},
	{"posts", "posts.csv", "sponsored posts (CSV)"},
	{"orders", "orders.csv", "shop orders (CSV)"},
	{"paths", "paths.csv", "customer journeys (CSV, ';'-separated)"},
	{"spend", "spend.csv", "spend ledger (CSV)"},
	{"past", "past.csv", "past campaigns (CSV)"},
	{"deliverables", "deliverables.csv", "what each booked creator owes: due dates, briefs, fees and terms (CSV, collab.ReadDeliverables)"},
	{"events", "events.csv", "the follow-up log: briefed, drafts, changes, approvals, posts (CSV, collab.ReadEvents)"},
	{"payouts", "payouts.csv", "fee transfers to the creators (CSV, collab.ReadPayouts)"},
	{"past-creators", "past_creators.csv", "each creator's results in earlier campaigns (CSV)"},
	{"survey", "postpurchase.csv", "the post-purchase survey: order ID, \"How did you hear about us?\", \"How likely are you to recommend us?\" (CSV, feedback.ReadSurvey)"},
	{"brandlift", "brandlift.csv", "the brand-lift survey: Group (exposed or control), \"Have you heard of Helio Skin?\" (CSV)"},
	{"creator-survey", "creator_survey.csv", "the creators' own survey: Handle and the 1-5 and yes/no questions (CSV)"},
}

// options are the command line's.
type options struct {
	files            map[string]*string // flag name → path; "" for the embedded file
	budget, currency string
	asJSON           bool
	asOf             string
	html             string // -html: the page's path
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("campaign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := options{files: map[string]*string{}}
	for _, f := range dataFiles {
		o.files[f.name] = fs.String(f.name, "", f.what+"; default: the embedded data/"+f.file)
	}
	fs.StringVar(&o.budget, "budget", "45000", "total budget, in -currency")
	fs.StringVar(&o.currency, "currency", "EUR", "ISO 4217 currency of every amount")
	fs.BoolVar(&o.asJSON, "json", false, "write the report as JSON")
	fs.StringVar(&o.html, "html", "", "also write the report as one self-contained HTML page to this file")
	fs.StringVar(&o.asOf, "asof", "", "report date YYYY-MM-DD: only data before it counts (default: the campaign's end, the final report)")
	if err := fs.Parse(args); err != nil {
		return o, usageError{err}
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	}
	return o, nil
}

// report reads the flags and the files and builds the report; it returns
// the options too (-json, -html).
func report(args []string, stderr io.Writer) (Report, options, error) {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return Report{}, o, err
	}
	cur, err := budget.ParseCurrency(o.currency)
	if err != nil {
		return Report{}, o, fmt.Errorf("-currency: %q is not an ISO 4217 code", o.currency)
	}
	total, err := decimal.NewFromString(o.budget)
	if err != nil || !total.IsPositive() {
		return Report{}, o, fmt.Errorf("-budget: %q is not a positive amount", o.budget)
	}
	if err := cur.Check(total); err != nil {
		return Report{}, o, fmt.Errorf("-budget: %s has more decimals than %s allows", o.budget, cur.Code())
	}
	in, err := readInputs(o.files, cur, total)
	if err != nil {
		return Report{}, o, err
	}
	b := defaultBrief()
	if o.asOf != "" {
		if err := cutAt(&in, &b, o.asOf); err != nil {
			return Report{}, o, err
		}
	}
	rep, err := build(in, b)
	return rep, o, err
}

// readFile parses the user's file at path, or the embedded one if path is
// "". A parse error is prefixed with the file's path.
func readFile(path, embedded string, parse func(io.Reader) error) error {
	var r io.Reader
	if path == "" {
		path = "data/" + embedded
		b, err := sample.ReadFile(path)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	} else {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	if err := parse(r); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readInputs reads every data file, the user's or the embedded one.
func readInputs(files map[string]*string, cur budget.Currency, total decimal.Decimal) (inputs, error) {
	in := inputs{Currency: cur, Budget: total}
	parsers := map[string]func(io.Reader) error{
		"profiles":  func(r io.Reader) (err error) { in.Profiles, err = readProfiles(r, cur); return },
		"history":   func(r io.Reader) (err error) { in.History, err = readPosts(r); return },
		"followers": func(r io.Reader) (err error) { in.Followers, err = readFollowers(r); return },
		"bookings":  func(r io.Reader) (err error) { in.Bookings, err = readBookings(r, cur); return },
		"posts":     func(r io.Reader) (err error) { in.Posts, err = readPosts(r); return },
		"orders":    func(r io.Reader) error { return readOrders(r, cur, &in) },
		"paths":     func(r io.Reader) (err error) { in.Paths, err = roi.ReadPaths(r); return },
		"spend":     func(r io.Reader) (err error) { in.Spend, err = readSpend(r, cur); return },
		"past":      func(r io.Reader) (err error) { in.Past, err = readPast(r, cur); return },

		"deliverables":  func(r io.Reader) (err error) { in.Deliverables, err = collab.ReadDeliverables(r); return },
		"events":        func(r io.Reader) (err error) { in.Events, err = collab.ReadEvents(r); return },
		"payouts":       func(r io.Reader) (err error) { in.Payouts, err = collab.ReadPayouts(r); return },
		"past-creators": func(r io.Reader) (err error) { in.PastCreators, err = readPastCreators(r, cur); return },

		"survey":         func(r io.Reader) (err error) { in.PostPurchase, err = readSurvey(r, checkPostPurchase); return },
		"brandlift":      func(r io.Reader) (err error) { in.BrandLift, err = readSurvey(r, checkBrandLift); return },
		"creator-survey": func(r io.Reader) (err error) { in.CreatorSurvey, err = readSurvey(r, checkCreatorSurvey); return },
	}
	for _, f := range dataFiles {
		if err := readFile(*files[f.name], f.file, parsers[f.name]); err != nil {
			return in, err
		}
	}
	for i, o := range in.Orders {
		if o.Currency != cur {
			return in, fmt.Errorf("orders are in %s but the campaign is in %s (set -currency %s): order %s, row %d",
				o.Currency, cur.Code(), o.Currency, o.ID, i+1)
		}
	}
	return in, nil
}

// readOrders reads the shop's orders export twice: as orders (code and
// link, roi.ReadOrders) and as sales with their customers, refunds,
// cancellations and click times (roi.ReadSales, Shopify's column names).
func readOrders(r io.Reader, cur budget.Currency, in *inputs) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if in.Orders, err = roi.ReadOrders(bytes.NewReader(b), cur); err != nil {
		return err
	}
	in.Sales, err = roi.ReadSales(bytes.NewReader(b), roi.SalesColumns{}, cur)
	return err
}

// cutAt makes the report one as of the day asOf: only the data before it
// count.
func cutAt(in *inputs, b *brief, asOf string) error {
	t, err := time.Parse(time.DateOnly, asOf)
	if err != nil || !t.After(b.Start) {
		return fmt.Errorf("-asof: %q is not a date after the campaign's start (%s)", asOf, b.Start.Format(time.DateOnly))
	}
	if !t.Before(b.End) {
		return nil // the final report
	}
	b.AsOf = t
	in.Posts = slices.DeleteFunc(in.Posts, func(p kpi.Post) bool { return !p.PublishedAt.Before(t) })
	in.Orders = slices.DeleteFunc(in.Orders, func(o roi.Order) bool { return !o.Time.Before(t) })
	in.Sales = slices.DeleteFunc(in.Sales, func(s roi.Sale) bool { return !s.Time.Before(t) })
	in.Spend = slices.DeleteFunc(in.Spend, func(e expense) bool { return !e.Date.Before(t) })
	in.Paths = nil // journeys carry no dates: they cannot be cut at the report date
	cutSurvey(in.PostPurchase, t)
	cutSurvey(in.CreatorSurvey, t)
	in.BrandLift = nil // it ran after the campaign
	return nil
}

// usageError is a command-line error that the flag package has reported.
type usageError struct{ error }

// readPosts reads posts with the default columns, leaving out the columns a
// file does not have (public data has no reach, for instance).
func readPosts(r io.Reader) ([]kpi.Post, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	cols := kpi.DefaultPostColumns()
	if cr, err := csvx.NewReader("campaign.readPosts", bytes.NewReader(b), ','); err == nil {
		for _, c := range []*string{&cols.Shares, &cols.Saves, &cols.Views, &cols.Reach, &cols.Impressions, &cols.Clicks, &cols.Conversions} {
			if cr.Column(*c) < 0 {
				*c = "" // not in the file: the count is "not reported"
			}
		}
		if cr.Column("caption") >= 0 {
			cols.Caption = "caption" // the text, for the disclosure checks
		}
	} // else kpi.ReadPosts reports what is wrong with the header
	return kpi.ReadPosts(bytes.NewReader(b), cols)
}
