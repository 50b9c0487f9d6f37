package feedback

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

const creatorSurvey = "Timestamp,Your handle,Brief clarity,Communication,Paid on time,Would work with us again\n" +
	"2024-04-01,@anna.kaya,5,4,2,Yes\n" +
	"2024-04-01,@mehmet,3,5,1,No\n" +
	"2024-04-02,@irmak,4,5,,yes\n" +
	"2024-04-02,,4,3,2,yes\n"

func TestCreatorFeedback(t *testing.T) {
	s, err := ReadSurvey(strings.NewReader(creatorSurvey), Layout{})
	if err != nil {
		t.Fatal(err)
	}
	qs := []Question{{"Brief clarity", 1, 5}, {"Communication", 1, 5}, {"Paid on time", 1, 5}, {"Would work with us again", 0, 1}, {"Creative freedom", 1, 5}}
	if _, err := CreatorFeedback(s, "Your handle", qs, c95); !errors.Is(err, ErrMissingColumn) {
		t.Fatalf("an absent question: %v, want ErrMissingColumn", err)
	}
	r, err := CreatorFeedback(s, "Your handle", qs[:4], c95)
	if err != nil {
		t.Fatal(err)
	}
	// Positions (mean − lo)/(hi − lo):
	//   brief clarity (5 + 3 + 4 + 4)/4 = 4 → 3/4 = 0.75
	//   communication (4 + 5 + 5 + 3)/4 = 4.25 → 3.25/4 = 0.8125
	//   paid on time (2 + 1 + 2)/3 = 5/3 → (2/3)/4 = 0.1666666666666667
	//   work again (1 + 0 + 1 + 1)/4 = 0.75 → 0.75
	// Weakest first: paid on time, then the two at 0.75 by name, then
	// communication.
	want := []string{"Paid on time", "Brief clarity", "Would work with us again", "Communication"}
	if !slices.Equal(r.Weakest, want) {
		t.Errorf("Weakest = %q, want %q", r.Weakest, want)
	}
	if p := r.Questions[2].Position; !p.Equal(d("0.1666666666666667")) {
		t.Errorf("paid on time position = %s", p)
	}
	// Low answers (bottom two boxes on 1–5, "no" on yes/no), in order:
	// paid on time 2 (anna, line 2), 1 (mehmet, line 3), 2 (anonymous,
	// line 5); work again "No" (mehmet, line 3).
	wantLow := []LowScore{{"anna.kaya", "Paid on time", 2, 2}, {"mehmet", "Paid on time", 1, 3}, {"", "Paid on time", 2, 5}, {"mehmet", "Would work with us again", 0, 3}}
	if !slices.Equal(r.Low, wantLow) {
		t.Errorf("Low = %v, want %v", r.Low, wantLow)
	}
	// Per creator, communication: "" 3, anna.kaya 4, irmak 5, mehmet 5.
	cm := r.Questions[1].Creators
	if len(cm) != 4 || cm[0].Creator != "" || !cm[1].Mean.Equal(d("4")) || cm[2].Creator != "irmak" || cm[3].Answers != 1 {
		t.Errorf("communication creators = %+v", cm)
	}
	if r.Unanswered != nil {
		t.Errorf("Unanswered = %q", r.Unanswered)
	}
	// A question nobody answered is reported, not dropped silently.
	s.Questions = append(s.Questions, "Creative freedom")
	r, err = CreatorFeedback(s, "Your handle", qs, c95)
	if err != nil || !slices.Equal(r.Unanswered, []string{"Creative freedom"}) || len(r.Questions) != 4 {
		t.Errorf("unanswered: %v %q", err, r.Unanswered)
	}
	for _, c := range []struct {
		qs   []Question
		want error
	}{{nil, ErrEmpty}, {[]Question{{"Brief clarity", 5, 5}}, ErrInvalid}, {[]Question{{"Brief clarity", 1, 3}}, ErrInvalid}} {
		if _, err := CreatorFeedback(s, "Your handle", c.qs, c95); !errors.Is(err, c.want) {
			t.Errorf("CreatorFeedback(%v) err = %v, want %v", c.qs, err, c.want)
		}
	}
}
