package collab

// DisclosureRule is one regulator's disclosure rule for sponsored social media
// posts, as data: which labels disclose, which do not on their own, and
// where the label must stand. The texts below summarise the published
// guidance in our own words; they are not legal advice, and a brand should
// check the current text of each guide.
//
// Labels match after Fold (case, Turkish i's and decomposed letters
// ignored): a Tag matches a whole hashtag ("#ad" matches "#AD" and "#ad!"
// but not "#adventure" or "#ad_campaign"); a Phrase matches whole words
// in order ("paid partnership" in "Paid partnership with @brand", not in
// "unpaid partnerships").
type DisclosureRule struct {
	Name         string `json:"name"`         // short name, e.g. "FTC"
	Jurisdiction string `json:"jurisdiction"` // ISO 3166 country code: "US", "GB", "TR"
	// Source names the guide the rule follows, and Year the edition.
	Source string `json:"source"`
	Year   int    `json:"year"`
	// Tags are hashtags that disclose, without "#".
	Tags []string `json:"tags"`
	// Phrases are plain-text labels that disclose ("paid partnership").
	Phrases []string `json:"phrases"`
	// Weak are hashtags the guide calls unclear on their own (#spon,
	// #collab): found without an accepted label, they make WeakOnly.
	Weak []string `json:"weak"`
	// Within is how many runes from the caption's start the first
	// accepted label must begin within; 0 means anywhere.
	Within int `json:"within"`
}

// CutOff is the number of caption characters a feed shows before it cuts
// the text behind "more" (Instagram shows about 125). The built-in rules
// want the label before the cut.
const CutOff = 125

// FTC returns the United States rule: the FTC's Guides Concerning the Use
// of Endorsements and Testimonials in Advertising (16 CFR Part 255, revised
// 2023) and its "Disclosures 101 for Social Media Influencers". A material
// connection must be disclosed clearly and where it is hard to miss: before
// the "more" cut, not lost in a pile of hashtags at the end. "#ad",
// "#sponsored", "Advertisement" and "Paid partnership" disclose; "#sp",
// "#spon", "#collab", "#partner", "#ambassador" and "#thanks" are named as
// unclear on their own.
func FTC() DisclosureRule {
	return DisclosureRule{
		Name: "FTC", Jurisdiction: "US", Year: 2023,
		Source:  "FTC Endorsement Guides, 16 CFR Part 255 (2023), and Disclosures 101 for Social Media Influencers",
		Tags:    []string{"ad", "advertisement", "sponsored", "paid", "paidpartnership"},
		Phrases: []string{"advertisement", "sponsored", "paid partnership", "paid ad", "paid promotion"},
		Weak:    []string{"sp", "spon", "collab", "partner", "ambassador", "thanks", "gifted"},
		Within:  CutOff,
	}
}

// ASA returns the United Kingdom rule: the CAP, ASA and CMA "Influencers'
// guide to making clear that ads are ads" (3rd edition, 2023). Ads are
// labelled up front, before the cut, with "#ad" or "Ad" (also "Advert",
// "Advertisement", "Advertisement feature"); "sponsored", "#spon", "#sp",
// "#collab", "#gifted" and a bare brand mention are not clear enough on
// their own.
func ASA() DisclosureRule {
	return DisclosureRule{
		Name: "ASA", Jurisdiction: "GB", Year: 2023,
		Source:  "CAP/ASA/CMA Influencers' guide to making clear that ads are ads, 3rd edition (2023)",
		Tags:    []string{"ad", "advert", "advertisement", "advertisementfeature"},
		Phrases: []string{"ad", "advert", "advertisement", "advertisement feature"},
		Weak:    []string{"sponsored", "spon", "sp", "collab", "gifted", "partner", "thanks"},
		Within:  CutOff,
	}
}

// ReklamKurulu returns the Turkish rule: the Reklam Kurulu's guide on
// commercial advertising and unfair commercial practices by social media
// influencers (principle decision 2021/2 of 4 May 2021). The label must be
// seen at once, at the start of the content: "#reklam", "#işbirliği" (also
// written "#isbirligi"), "#sponsor", "#sponsorlu", or the words "reklam",
// "işbirliği", "iş birliği", "sponsorlu", "ücretli ortaklık". A tag that
// only contains one of them is no label: "#reklamdeğiltavsiye" ("not an
// ad, a tip") does not disclose.
func ReklamKurulu() DisclosureRule {
	return DisclosureRule{
		Name: "Reklam Kurulu", Jurisdiction: "TR", Year: 2021,
		Source: "Reklam Kurulu, Sosyal Medya Etkileyicileri Tarafından Yapılan Ticari Reklam ve " +
			"Haksız Ticari Uygulamalar Hakkında Kılavuz, ilke kararı 2021/2 (4 May 2021)",
		Tags: []string{"reklam", "işbirliği", "isbirligi", "işbirligi", "isbirliği", "sponsor", "sponsorlu",
			"ücretliortaklık"},
		Phrases: []string{"reklam", "işbirliği", "iş birliği", "sponsorlu", "ücretli ortaklık"},
		Weak:    []string{"hediye", "davet", "ortaklık", "collab"},
		Within:  CutOff,
	}
}

// Rules returns the built-in rules: FTC, ASA and ReklamKurulu.
func DisclosureRules() []DisclosureRule { return []DisclosureRule{FTC(), ASA(), ReklamKurulu()} }
