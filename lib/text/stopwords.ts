// English function words that carry no claim; dropped from index terms and similarity.
// Negations ("not", "no", "never") are deliberately absent: they are stance evidence.

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just let me more most my myself of off
on once only or other ought our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up upon very was we were
what when where which while who whom why will with would you your yours yourself yourselves s t also
said says say saying told tells tell according added adding noted stated stressed per via one's
mr mrs ms dr st just even still yet however meanwhile tuesday monday wednesday thursday friday saturday sunday
us's within onto among amid across toward towards around whether though although since thus`.split(/\s+/),
);
