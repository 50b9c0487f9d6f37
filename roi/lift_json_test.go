package roi

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
)

// TestIncrementalityJSON: the doc comment's example (5000 incremental
// revenue for a cost of 2000 EUR) writes incremental_revenue as a money
// object with EUR's two minor digits, "5000.00", and reads back; the zero
// currency is refused by Incremental.
func TestIncrementalityJSON(t *testing.T) {
	got, err := Incremental(Group{10000, 300, d("15000")}, Group{10000, 200, d("10000")}, budget.Money{Amount: d("2000"), Currency: eur})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	// rates 300/10000 = 0.03, 200/10000 = 0.02; lift 0.5; 100 conversions;
	// 15000 − 10000 = 5000.00 EUR; iROAS 5000/2000 = 2.5.
	want := `{"test_rate":"0.03","control_rate":"0.02","lift":"0.5","incremental_conversions":"100",` +
		`"incremental_revenue":{"amount":"5000.00","currency":"EUR"},"iroas":"2.5"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	var back Incrementality
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Errorf("round trip (-want +got)\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"incremental_revenue":"5000"}`), &back); !errors.Is(err, ErrSyntax) {
		t.Errorf("a bare amount: %v, want ErrSyntax", err)
	}
	_, err = Incremental(Group{10, 3, d("1")}, Group{10, 2, d("1")}, budget.Money{Amount: d("2000")})
	if !errors.Is(err, ErrInvalid) || err.Error() != "roi: Incremental: cost.Currency: zero currency" {
		t.Errorf("zero currency: %v", err)
	}
}
