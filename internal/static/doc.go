// Package static embeds the site's CSS, JavaScript and images and serves them
// under content-hashed URLs (/static/site.3f2a9c1d.css) that may be cached
// forever: a changed file gets a new URL.
//
// It imports only the standard library; render and web import it.
package static
