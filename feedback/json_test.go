package feedback

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSON(t *testing.T) {
	orders, answers := creditFixture(t)
	c, err := Credit(orders, answers, c95)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	// Revenue is money: 80 EUR with EUR's two minor digits and its
	// currency (was "revenue":"80").
	for _, want := range []string{`"currency":"EUR"`, `"buckets":{"ambiguous":1,"channel":1,"creator":3,"unmatched":1}`,
		`"survey_only":{"orders":1,"revenue":{"amount":"80.00","currency":"EUR"}}`, `"response_rate":"0.75"`, `"bucket":"ambiguous"`, `"candidates":["elif.sahinn","glowwithelif"]`,
		`"disagreements":[{"order_id":"4","code":"mehmet","survey":"anna.kaya"}]`, `"share_interval":{"low":"0.0628596457`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s:\n%s", want, s)
		}
	}
	var m Match
	if err := json.Unmarshal([]byte(`{"bucket":"CREATOR","name":"x"}`), &m); err != nil || m.Bucket != BucketCreator {
		t.Errorf("Unmarshal: %v %+v", err, m)
	}
	if err := json.Unmarshal([]byte(`{"bucket":"maybe"}`), &m); err == nil || m.Bucket != BucketCreator {
		t.Errorf("unknown bucket: %v, kept %v", err, m.Bucket)
	}
	if Bucket(9).String() != "Bucket(9)" {
		t.Errorf("String = %s", Bucket(9))
	}
	l, _ := BrandLift(Arm{200, 60}, Arm{200, 40}, c95)
	b, _ = json.Marshal(l)
	if !strings.Contains(string(b), `"absolute":"0.1","absolute_interval":{"low":"`) || !strings.Contains(string(b), `"p_value":"0.020921335338"`) {
		t.Errorf("Lift JSON: %s", b)
	}
}
