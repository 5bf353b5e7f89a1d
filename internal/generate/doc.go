// Package generate fills a database with a large synthetic newsroom for
// benchmarks and load tests: twelve sections, sixty authors, three hundred
// tags, eighty sources and as many stories as asked for, with bodies of 400
// to 1,500 words of plausible prose, bylines, tags, source credits, a few
// corrections and featured images, published one every quarter of an hour or
// so back from a given moment (more often in runs that would otherwise reach
// back more than twenty years).
//
// Everything is deterministic: the same seed and moment give the same
// stories, byte for byte, on any machine and with any number of cores. The
// newsroom itself (sections, authors, tags, sources) does not depend on the
// seed, so later runs can append to it.
//
// Bodies are written as Markdown and, from the same blocks, as the HTML that
// content.Markdown would render, which is many times faster than rendering
// each body; a test holds the two to agree.
//
// generate imports news, store, content and demo (for its pictures). Only
// cli imports it.
package generate
