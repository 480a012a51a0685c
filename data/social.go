package data

import "unicode/utf8"

// DraftKindSocialPost is the draft kind of a social-media post, whose body
// must fit every channel it goes to.
const DraftKindSocialPost = "unggahan_medsos"

// PostLimits are the most characters a post may have on each social
// channel (Channels codes): the platforms' own limits for a post's text
// (X's post, Instagram's and TikTok's caption, Facebook's post, YouTube's
// video description). Channels without a limit are absent.
var PostLimits = map[string]int{
	"x":         280,
	"instagram": 2200,
	"tiktok":    2200,
	"facebook":  63206,
	"youtube":   5000,
}

// PostLimit is the tightest limit among channels and the channel it
// belongs to; ok is false when no channel has one.
func PostLimit(channels []string) (limit int, channel string, ok bool) {
	for _, c := range channels {
		if n, has := PostLimits[c]; has && (!ok || n < limit) {
			limit, channel, ok = n, c, true
		}
	}
	return limit, channel, ok
}

// PostLength is how a body is counted against PostLimits: in characters
// (runes), as the platforms count them for Latin text.
func PostLength(body string) int { return utf8.RuneCountInString(body) }

// postFits adds an error for a social post whose body is longer than the
// tightest limit among its channels; one rule for the app, import and
// the server, which all validate with Draft.Validate.
func (c *checker) postFits(d *Draft) {
	if d.Kind != DraftKindSocialPost {
		return
	}
	limit, channel, ok := PostLimit(d.Channels)
	if n := PostLength(d.Body); ok && n > limit {
		c.errs = append(c.errs, FieldError{Field: "body", Label: LabelBody, Rule: RulePostTooLong,
			Max: limit, Count: n, About: Text{Channels.Label(channel, LangID), Channels.Label(channel, LangEN)}})
	}
}
