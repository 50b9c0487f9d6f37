// Sketches takes over from a distributed engine: it reads one theta sketch
// of followers per creator, as a Spark, Druid, Pinot or Hive job exports
// them (Apache DataSketches compact theta sketches, base64), ranks the
// creators by their estimated unique reach and picks the shortlist that
// reaches the most distinct followers within a budget.
//
//	go run ./examples/sketches -budget 20000 -lgk 10 examples/sketches/testdata/creators.csv
//
// runs it, from the repository root, on a small file our own encoder wrote
// (see README.md for how each engine writes such a file and which settings
// must match). The input is CSV with a header, or JSON lines (a file ending
// in .jsonl or .ndjson), with these fields:
//
//	creator   the creator's handle, unique
//	sketch    the compact theta sketch of their follower IDs, standard
//	          base64 (serial version 3 or the compressed 4, seed 9001)
//	fee       optional: the booking fee, a decimal in the budget's currency;
//	          creators without one are ranked but not shortlisted
//
// -lgk gives the engine's nominal sketch size (default 12, k = 4096): each
// sketch keeps every hash it was written with whatever -lgk, but unions
// (the reach of several creators together) are reduced to 2^lgK hashes,
// as the engine's own union of that size would.
//
// A row that cannot be read stops the program with the file name, line (or
// record) and creator, and exit status 1: a sketch built with another hash
// seed is refused naming the seed hash it carries and the 0x93cc of seed
// 9001.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"
)

func main() {
	budget := flag.String("budget", "20000", "the shortlist's budget, in the fees' currency")
	lgK := flag.Int("lgk", 12, "log2 of the engine's nominal sketch size (Druid's default size 16384: 14)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: sketches [-budget amount] [-lgk n] creators.csv|creators.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	b, err := decimal.NewFromString(*budget)
	if err != nil || b.IsNegative() {
		fmt.Fprintf(os.Stderr, "sketches: -budget %q: not a non-negative decimal\n", *budget)
		os.Exit(2)
	}
	if err := run(flag.Arg(0), b, *lgK, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sketches:", err)
		os.Exit(1)
	}
}

// run reads the creators of path, their sketches at nominal size 2^lgK,
// and writes the ranking and the shortlist under budget to w.
func run(path string, budget decimal.Decimal, lgK int, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	creators, err := read(f, path, lgK)
	if err != nil {
		return err
	}
	return report(creators, budget, w)
}
