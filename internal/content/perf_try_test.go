package content
import ("testing";"time";"strings")
func TestPerfTry(t *testing.T){
 n := 50000
 cases := map[string]string{
  "brackets": strings.Repeat("[", n),
  "brackets2": strings.Repeat("[a](", n),
  "stars": strings.Repeat("*a", n),
  "under": strings.Repeat("_a ", n),
  "lt": strings.Repeat("<", n),
  "ltA": strings.Repeat("<a", n),
  "backtick": strings.Repeat("`", n) ,
  "backticks": strings.Repeat("`a``", n),
  "quote": strings.Repeat(">", n),
  "list": strings.Repeat("- ", n),
  "ent": strings.Repeat("&amp", n),
  "tilde": strings.Repeat("~~a", n),
  "link": strings.Repeat("www.a", n),
  "urls": strings.Repeat("http://", n),
  "table": "|a|\n|-|\n" + strings.Repeat("|", n),
  "tablerows": "|a|b|\n|-|-|\n" + strings.Repeat("|x|\n", n),
  "script": "<script>" + strings.Repeat("</scrip", n),
  "textarea": "<textarea>" + strings.Repeat("</textare", n),
  "title": "<title>" + strings.Repeat("</titl", n),
  "comment": strings.Repeat("<!--", n),
  "attrs": "<p " + strings.Repeat("a=b ", n) + ">",
  "nest": strings.Repeat("<p><em>", n),
  "heads": strings.Repeat("## a\n", n),
  "refs": strings.Repeat("[a]: /u\n", n) + strings.Repeat("[a] ", n),
  "quotes": strings.Repeat("\"'", n),
  "dots": strings.Repeat("...--", n),
 }
 for name, s := range cases {
  st := time.Now(); Markdown(s); d1 := time.Since(st)
  st = time.Now(); Sanitize(s); d2 := time.Since(st)
  st = time.Now(); TextToHTML(s); d3 := time.Since(st)
  st = time.Now(); PlainText(s); Slugify(s); Excerpt(s, 100); WordCount(s); d4 := time.Since(st)
  if d1+d2+d3+d4 > 200*time.Millisecond { t.Logf("%-10s md=%v san=%v t2h=%v rest=%v", name, d1, d2, d3, d4) }
 }
}
