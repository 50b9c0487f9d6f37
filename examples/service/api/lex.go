package api

import "strconv"

// lexer reads the JSON tokens of a body in place, checking its syntax as
// encoding/json does, without allocating: a scalar is returned as the slice
// of the body that holds it. encoding/json's Decoder allocates for every
// token (the walker's first version allocated 40 to 60 times the body).
type lexer struct {
	b   []byte
	pos int
	// max bounds the scalar being read (0: no bound); long reports that
	// it is longer, and was read only that far: a 10⁶-byte string costs
	// no more than one of max+1 bytes.
	max   int
	start int
	long  bool
}

// syntaxError is malformed JSON at byte offset off (counted from 0), or
// the body ending inside a value (eof).
type syntaxError struct {
	msg string
	off int
	eof bool
}

func (e *syntaxError) Error() string { return e.msg }

// peek skips white space and returns the next byte, 0 at the end.
func (l *lexer) peek() byte {
	for l.pos < len(l.b) {
		switch c := l.b[l.pos]; c {
		case ' ', '\t', '\n', '\r':
			l.pos++
		default:
			return c
		}
	}
	return 0
}

// atEnd reports whether only white space is left.
func (l *lexer) atEnd() bool {
	l.peek()
	return l.pos == len(l.b)
}

// fail is a syntax error at the next byte, in context ("after array
// element"), or the end of the body.
func (l *lexer) fail(context string) *syntaxError {
	if l.pos >= len(l.b) {
		return &syntaxError{msg: "unexpected end of JSON input", off: l.pos, eof: true}
	}
	return &syntaxError{msg: "invalid character " + quoteChar(l.b[l.pos]) + " " + context, off: l.pos}
}

// quoteChar writes c as encoding/json's messages do: 'x', or '\n'.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// expect consumes c, the next byte after white space, or fails.
func (l *lexer) expect(c byte, context string) *syntaxError {
	if l.peek() != c {
		return l.fail(context)
	}
	l.pos++
	return nil
}

// scalar reads the next string, number, true, false or null and returns
// its bytes as written. A string whose text is longer than strMax bytes, or
// a number longer than numMax, is read no further: l.long reports it, and
// the bytes are those read (0 is no bound).
func (l *lexer) scalar(strMax, numMax int) ([]byte, *syntaxError) {
	c := l.peek()
	start := l.pos
	l.start, l.long = start, false
	var err *syntaxError
	switch {
	case c == '"':
		l.max = strMax
		err = l.str()
	case c == '-' || (c >= '0' && c <= '9'):
		l.max = numMax
		err = l.number()
	case c == 't':
		err = l.literal("true")
	case c == 'f':
		err = l.literal("false")
	case c == 'n':
		err = l.literal("null")
	default:
		return nil, l.fail("looking for beginning of value")
	}
	if err != nil {
		return nil, err
	}
	return l.b[start:l.pos], nil
}

// literal reads word.
func (l *lexer) literal(word string) *syntaxError {
	for i := 0; i < len(word); i++ {
		if l.pos >= len(l.b) || l.b[l.pos] != word[i] {
			return l.fail("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
		l.pos++
	}
	return nil
}

// str reads a string, its escapes checked.
func (l *lexer) str() *syntaxError {
	l.pos++ // '"'
	end := len(l.b)
	if l.max > 0 && l.start+l.max+2 < end {
		end = l.start + l.max + 2 // the quote after max bytes of text
	}
	for {
		// Skip to the next quote, backslash or control byte.
		for l.pos < end && l.b[l.pos] >= 0x20 && l.b[l.pos] != '"' && l.b[l.pos] != '\\' {
			l.pos++
		}
		if l.pos >= end {
			if end < len(l.b) {
				l.long = true // more than max bytes of text
				return nil
			}
			l.pos = len(l.b)
			return l.fail("")
		}
		switch c := l.b[l.pos]; {
		case c == '"':
			l.pos++
			return nil
		case c < 0x20:
			return l.fail("in string literal")
		}
		if err := l.escape(); err != nil {
			return err
		}
	}
}

// escape reads the escape at l.pos: \" \\ \/ \b \f \n \r \t or \uXXXX.
func (l *lexer) escape() *syntaxError {
	l.pos++ // '\\'
	if l.pos >= len(l.b) {
		return l.fail("")
	}
	switch l.b[l.pos] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		l.pos++
		return nil
	case 'u':
		l.pos++
		for range 4 {
			if l.pos >= len(l.b) {
				return l.fail("")
			}
			if !isHex(l.b[l.pos]) {
				return l.fail("in \\u hexadecimal character escape")
			}
			l.pos++
		}
		return nil
	}
	return l.fail("in string escape code")
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (l *lexer) number() *syntaxError {
	if l.b[l.pos] == '-' {
		l.pos++
	}
	switch {
	case l.pos < len(l.b) && l.b[l.pos] == '0':
		l.pos++
	case l.digits() == 0:
		return l.fail("in numeric literal")
	}
	if l.long {
		return nil
	}
	if l.pos < len(l.b) && l.b[l.pos] == '.' {
		l.pos++
		if l.digits() == 0 && !l.long {
			return l.fail("after decimal point in numeric literal")
		}
	}
	if l.long {
		return nil
	}
	if l.pos < len(l.b) && (l.b[l.pos] == 'e' || l.b[l.pos] == 'E') {
		l.pos++
		if l.pos < len(l.b) && (l.b[l.pos] == '+' || l.b[l.pos] == '-') {
			l.pos++
		}
		if l.digits() == 0 && !l.long {
			return l.fail("in exponent of numeric literal")
		}
	}
	return nil
}

// digits reads [0-9]* and returns how many; it stops, setting l.long, when
// the number grows past l.max bytes.
func (l *lexer) digits() int {
	start := l.pos
	for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
		if l.max > 0 && l.pos-l.start >= l.max {
			l.long = true
			break
		}
		l.pos++
	}
	return l.pos - start
}
