package main

import (
	"bytes"
	"testing"

	"github.com/influencekit/influencekit/budget"
)

// FuzzReaders feeds arbitrary bytes to the program's own file readers: each
// returns data or an error, never panics (a bad file must end in a message
// with its line and column, not a stack trace).
func FuzzReaders(f *testing.F) {
	for _, name := range []string{"creators.csv", "followers.txt", "bookings.csv", "spend.csv", "past.csv", "postpurchase.csv", "brandlift.csv", "creator_survey.csv"} {
		b, err := sample.ReadFile("data/" + name)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 4096 {
			b = b[:4096]
		}
		f.Add(b)
	}
	f.Add([]byte("handle,platform\nx\n"))
	f.Add([]byte("a: 1-5 7 9-\n"))
	eur := budget.MustParseCurrency("EUR")
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		readProfiles(bytes.NewReader(b), eur)
		readFollowersMax(bytes.NewReader(b), 100_000)
		readBookings(bytes.NewReader(b), eur)
		readSpend(bytes.NewReader(b), eur)
		readPast(bytes.NewReader(b), eur)
		readPosts(bytes.NewReader(b))
		readSurvey(bytes.NewReader(b), checkPostPurchase)
		readSurvey(bytes.NewReader(b), checkBrandLift)
		readSurvey(bytes.NewReader(b), checkCreatorSurvey)
	})
}
