package main

// trackingPage is section 5: the sponsored posts' engagement per creator,
// and the weekly pacing of engagements and reach against the straight-line
// targets.
func trackingPage(pc *pageCtx) pageSection {
	s := pageSection{ID: "tracking", Title: "Tracking",
		Intro: []string{"The sponsored posts, per creator (engagements = likes + comments + shares + saves). " + rateTracking + "."}}
	if len(pc.rep.Creators) == 0 {
		s.Intro = append(s.Intro, "No sponsored post yet.")
		return s
	}
	s.Tables = append(s.Tables, rateTable(pc))
	s.Figures = pacingFigures(pc)
	s.Notes = append(s.Notes, whyRatesDiffer)
	return s
}
