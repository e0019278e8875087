// Package temporal finds dates in English news text and resolves them to
// calendar dates at their precision (year, month or day): absolute forms
// ("February 24", "2 January 2023", "August 2008", "in 2014", "the spring
// of 2023") and forms relative to the article's publication day ("on
// Friday", "Thursday", "last summer", "earlier this year", "next month",
// "two years ago", "yesterday", "a September summit"). Seasons are dated
// by the year they start in (northern hemisphere).
//
// It does not decide which event a date belongs to; the timeline and the
// story's event date are built from its matches by their own packages.
package temporal
