// Package check is the neutrality checker (Periksa Netralitas): a small
// rule engine that reads a draft's title, body and photo captions and
// reports what a reviewer in a government PR office must look at before
// the content is published around an election.
//
// Each rule has a stable id (RulePejabat, RuleTagline, RuleFotoPejabat,
// RuleSARA, RuleUjaranKebencian, RuleProvokasiHoaks, RulePasal71,
// RuleKampanye) stored with overrides in the audit trail. Each finding
// carries the byte offsets of the matched text in its field, for
// highlighting, what was found and why it matters, in Indonesian and
// English.
//
// Matching understands Indonesian word forms: a listed root matches its
// affixed forms ("hasut" matches menghasut, penghasut, dihasut,
// hasutannya); see Stem. The term lists are plain text files an office can
// export, edit and import (ParseTerms, WriteTerms); the shipped ones are in
// lists/. The office's officials and election schedule come with the
// Config.
//
// The package knows nothing about storage or the user interface, and it
// helps the reviewer; it does not replace the reviewer's judgement.
package check
