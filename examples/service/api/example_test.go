package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/influencekit/influencekit/examples/service/api"
)

// The request of the package documentation, posted to the handler.
func ExampleHandler() {
	body := `{
	  "currency": "EUR",
	  "influencers": [{"handle": "pia.pure", "cost": "875.00",
	                   "codes": ["PIA15"], "links": [{"source": "tiktok", "campaign": "pia"}]}],
	  "overhead": "1200.00",
	  "posts": [{"id": "p1", "creator": "pia.pure", "platform": "tiktok",
	             "published_at": "2026-04-01T18:00:00Z", "followers": 9000,
	             "likes": 1200, "comments": 40, "shares": 60, "saves": 30,
	             "views": 15000, "reach": 9800, "impressions": 16000}],
	  "orders": [{"id": "#1", "time": "2026-04-02T10:00:00Z", "amount": "21.17",
	              "currency": "EUR", "code": "PIA15"}],
	  "paths": [{"channels": ["pia.pure", "newsletter"], "conversions": 2, "value": "42.34", "nulls": 10}]
	}`
	rec := httptest.NewRecorder()
	api.Handler{}.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(body)))

	var rep api.Report
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		fmt.Println(err)
		return
	}
	pia := rep.Campaign.Influencers[0]
	fmt.Println(rec.Code, pia.Influencer, pia.Revenue.StringFixed(2), pia.Conversions)
	// (1200 + 40 + 60 + 30) / 9800 = 0.135714…
	fmt.Println("ER by reach:", rep.Engagement.ByReach.Rate.Shift(2).StringFixed(2)+"%")
	// 875.00 × 1000 / 16000 impressions
	fmt.Println("CPM:", pia.CPM.StringFixed(4))
	// Linear: two touches, one conversion and 21.17 each.
	fmt.Println("newsletter:", rep.Attribution["linear"]["newsletter"].Value.Amount.StringFixed(2))
	// Output:
	// 200 pia.pure 21.17 1
	// ER by reach: 13.57%
	// CPM: 54.6875
	// newsletter: 21.17
}
