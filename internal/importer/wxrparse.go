package importer

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// Site is what a WordPress export says about the site it came from.
type Site struct {
	Title       string
	Link        string
	BaseSiteURL string
	BaseBlogURL string
	Version     string // wp:wxr_version: "1.0", "1.1", "1.2"
}

// wxrAuthor is a channel-level <wp:author>.
type wxrAuthor struct {
	Pos                              Pos
	ID, Login, Email                 string
	DisplayName, FirstName, LastName string
}

// wxrCategory is a channel-level <wp:category>: the only place a
// category's description and parent are written.
type wxrCategory struct {
	TermID, Nicename, Name, Parent, Description string
}

// wxrTerm is an item's <category domain="…" nicename="…">Name</category>.
type wxrTerm struct {
	Domain, Nicename, Name string
}

// wxrMeta is one <wp:postmeta>.
type wxrMeta struct {
	Key, Value string
}

// wxrComment is one <wp:comment> of an item.
type wxrComment struct {
	ID, Author, Email, URL, Date, DateGMT, Content, Approved, Type, Parent string
}

// wxrItem is one <item>: a post, a page, an attachment or another type.
type wxrItem struct {
	Pos                                            Pos
	Title, Link, PubDate, Creator, GUID            string
	Content, Excerpt                               string
	PostID, PostDate, PostDateGMT, ModifiedGMT     string
	CommentStatus, Name, Status, Parent, MenuOrder string
	Type, Password, AttachmentURL                  string
	Terms                                          []wxrTerm
	Meta                                           []wxrMeta
	Comments                                       []wxrComment
}

// meta returns the value of the first postmeta with key.
func (it *wxrItem) meta(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// wxrStream reads a WordPress export one entry at a time.
type wxrStream struct {
	x     *xmlReader
	site  Site
	state int // 0 before <rss>, 1 in <rss>, 2 in <channel>, 3 after </channel>, 4 done
}

func newWXRStream(file string, r io.Reader) *wxrStream {
	return &wxrStream{x: newXMLReader(file, r)}
}

// next returns the next *wxrAuthor, *wxrCategory or *wxrItem, or io.EOF
// after the whole file has been read and found well-formed.
func (s *wxrStream) next() (any, error) {
	x := s.x
	for {
		tok, err := x.token()
		if err == io.EOF {
			switch s.state {
			case 0:
				return nil, x.fail(nil, "not a WordPress export: the file holds no XML element")
			case 4:
				return nil, io.EOF
			}
			return nil, x.fail(io.ErrUnexpectedEOF, "the file ends in the middle of the export: it looks truncated (copy it again, whole)")
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 && s.state != 2 {
				if s.state == 4 {
					return nil, x.fail(nil, "malformed XML: text after the end of the export")
				}
				return nil, x.fail(nil, "not a WordPress export: text outside its elements")
			}
		case xml.EndElement:
			switch s.state {
			case 2:
				s.state = 3
				if s.site.Version == "" {
					return nil, x.fail(nil, "not a WordPress export: the RSS channel has no <wp:wxr_version> (export the site again from Tools › Export in WordPress)")
				}
			case 1:
				return nil, x.fail(nil, "not a WordPress export: the <rss> element holds no <channel>")
			case 3:
				s.state = 4
			}
		case xml.StartElement:
			switch s.state {
			case 0:
				if t.Name.Local != "rss" {
					return nil, x.fail(nil, "not a WordPress export: the file's root element is <%s>, not <rss>", t.Name.Local)
				}
				s.state = 1
			case 1:
				if t.Name.Local != "channel" || t.Name.Space != "" {
					if err := x.skip(); err != nil {
						return nil, err
					}
					continue
				}
				s.state = 2
			case 4:
				return nil, x.fail(nil, "malformed XML: <%s> after the end of the export (two files joined?)", t.Name.Local)
			case 3:
				if err := x.skip(); err != nil {
					return nil, err
				}
			case 2:
				e, err := s.channelChild(t)
				if err != nil || e != nil {
					return e, err
				}
			}
		}
	}
}

// needVersion refuses content that comes before the export says it is one.
func (s *wxrStream) needVersion() error {
	if s.site.Version == "" {
		return s.x.fail(nil, "not a WordPress export: content comes before any <wp:wxr_version> (an RSS feed is not an export; export the site from Tools › Export in WordPress)")
	}
	return nil
}

// channelChild reads one element of the channel. It returns nil for the
// elements that only fill in Site.
func (s *wxrStream) channelChild(t xml.StartElement) (any, error) {
	x := s.x
	space, local := ns(t.Name.Space), t.Name.Local
	str := func(dst *string) (any, error) {
		v, err := x.text()
		*dst = strings.TrimSpace(v)
		return nil, err
	}
	switch {
	case space == "" && local == "title":
		return str(&s.site.Title)
	case space == "" && local == "link":
		return str(&s.site.Link)
	case space == "wp" && local == "wxr_version":
		if _, err := str(&s.site.Version); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(s.site.Version, "1.") {
			return nil, x.fail(nil, "WordPress export version %q is not one Herald reads (1.0 to 1.2)", s.site.Version)
		}
		return nil, nil
	case space == "wp" && local == "base_site_url":
		return str(&s.site.BaseSiteURL)
	case space == "wp" && local == "base_blog_url":
		return str(&s.site.BaseBlogURL)
	case space == "wp" && local == "author":
		if err := s.needVersion(); err != nil {
			return nil, err
		}
		return s.author()
	case space == "wp" && local == "category":
		if err := s.needVersion(); err != nil {
			return nil, err
		}
		return s.category()
	case space == "" && local == "item":
		if err := s.needVersion(); err != nil {
			return nil, err
		}
		return s.item()
	}
	return nil, x.skip()
}

// fields reads the children of the element just started, calling set with
// each child's namespace kind, local name and text. Children set does not
// want (it returns false) are skipped.
func (s *wxrStream) fields(set func(space, local string, start xml.StartElement) (wanted bool, err error)) error {
	x := s.x
	for {
		tok, err := x.token()
		if err == io.EOF {
			return x.fail(io.ErrUnexpectedEOF, "the file ends in the middle of the export: it looks truncated (copy it again, whole)")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			wanted, err := set(ns(t.Name.Space), t.Name.Local, t)
			if err != nil {
				return err
			}
			if !wanted {
				if err := x.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// into reads the text of the element just started into dst.
func (s *wxrStream) into(dst *string) (bool, error) {
	v, err := s.x.text()
	*dst = v
	return true, err
}

func (s *wxrStream) author() (any, error) {
	a := &wxrAuthor{Pos: s.x.pos()}
	err := s.fields(func(space, local string, _ xml.StartElement) (bool, error) {
		if space != "wp" {
			return false, nil
		}
		switch local {
		case "author_id":
			return s.into(&a.ID)
		case "author_login":
			return s.into(&a.Login)
		case "author_email":
			return s.into(&a.Email)
		case "author_display_name":
			return s.into(&a.DisplayName)
		case "author_first_name":
			return s.into(&a.FirstName)
		case "author_last_name":
			return s.into(&a.LastName)
		}
		return false, nil
	})
	a.Login = strings.TrimSpace(a.Login)
	return a, err
}

func (s *wxrStream) category() (any, error) {
	c := &wxrCategory{}
	err := s.fields(func(space, local string, _ xml.StartElement) (bool, error) {
		if space != "wp" {
			return false, nil
		}
		switch local {
		case "term_id":
			return s.into(&c.TermID)
		case "category_nicename":
			return s.into(&c.Nicename)
		case "cat_name":
			return s.into(&c.Name)
		case "category_parent":
			return s.into(&c.Parent)
		case "category_description":
			return s.into(&c.Description)
		}
		return false, nil
	})
	c.Nicename = strings.TrimSpace(c.Nicename)
	c.TermID = strings.TrimSpace(c.TermID)
	c.Parent = strings.TrimSpace(c.Parent)
	return c, err
}

func (s *wxrStream) item() (any, error) {
	it := &wxrItem{Pos: s.x.pos()}
	wp := map[string]*string{
		"post_id": &it.PostID, "post_date": &it.PostDate, "post_date_gmt": &it.PostDateGMT,
		"post_modified_gmt": &it.ModifiedGMT, "comment_status": &it.CommentStatus, "post_name": &it.Name,
		"status": &it.Status, "post_parent": &it.Parent, "menu_order": &it.MenuOrder, "post_type": &it.Type,
		"post_password": &it.Password, "attachment_url": &it.AttachmentURL,
	}
	plain := map[string]*string{"title": &it.Title, "link": &it.Link, "pubDate": &it.PubDate, "guid": &it.GUID}
	err := s.fields(func(space, local string, start xml.StartElement) (bool, error) {
		switch space {
		case "":
			if dst, ok := plain[local]; ok {
				return s.into(dst)
			}
			if local == "category" {
				term := wxrTerm{}
				for _, a := range start.Attr {
					switch a.Name.Local {
					case "domain":
						term.Domain = a.Value
					case "nicename":
						term.Nicename = strings.TrimSpace(a.Value)
					}
				}
				ok, err := s.into(&term.Name)
				it.Terms = append(it.Terms, term)
				return ok, err
			}
		case "content":
			if local == "encoded" {
				return s.into(&it.Content)
			}
		case "excerpt":
			if local == "encoded" {
				return s.into(&it.Excerpt)
			}
		case "dc":
			if local == "creator" {
				return s.into(&it.Creator)
			}
		case "wp":
			if dst, ok := wp[local]; ok {
				ok, err := s.into(dst)
				*dst = strings.TrimSpace(*dst)
				return ok, err
			}
			switch local {
			case "postmeta":
				m := wxrMeta{}
				err := s.fields(func(space, local string, _ xml.StartElement) (bool, error) {
					switch {
					case space == "wp" && local == "meta_key":
						return s.into(&m.Key)
					case space == "wp" && local == "meta_value":
						return s.into(&m.Value)
					}
					return false, nil
				})
				it.Meta = append(it.Meta, m)
				return true, err
			case "comment":
				c, err := s.comment()
				it.Comments = append(it.Comments, c)
				return true, err
			}
		}
		return false, nil
	})
	it.Creator = strings.TrimSpace(it.Creator)
	return it, err
}

func (s *wxrStream) comment() (wxrComment, error) {
	c := wxrComment{}
	f := map[string]*string{
		"comment_id": &c.ID, "comment_author": &c.Author, "comment_author_email": &c.Email, "comment_author_url": &c.URL,
		"comment_date": &c.Date, "comment_date_gmt": &c.DateGMT, "comment_content": &c.Content,
		"comment_approved": &c.Approved, "comment_type": &c.Type, "comment_parent": &c.Parent,
	}
	err := s.fields(func(space, local string, _ xml.StartElement) (bool, error) {
		if dst, ok := f[local]; ok && space == "wp" {
			return s.into(dst)
		}
		return false, nil
	})
	for _, p := range []*string{&c.ID, &c.Approved, &c.Type, &c.Parent, &c.Date, &c.DateGMT, &c.Email, &c.URL} {
		*p = strings.TrimSpace(*p)
	}
	return c, err
}
