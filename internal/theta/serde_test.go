package theta

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata fixtures")

func le64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// head is a preamble's first 8 bytes, seed hash 0x93CC (bytes cc 93).
func head(pre, ver, b3, b4, flags byte) []byte {
	return []byte{pre, ver, 3, b3, b4, flags, 0xcc, 0x93}
}

func mustFromHashes(t testing.TB, hs []uint64, theta uint64) *Compact {
	t.Helper()
	c, err := FromHashes(hs, theta)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFormatByHand: images assembled byte by byte from the format
// description (DataSketches compact theta, serial versions 3 and 4).
func TestFormatByHand(t *testing.T) {
	half := uint64(1 << 62)
	tests := []struct {
		name       string
		img        []byte
		compressed bool // the image is what MarshalCompressed writes
		hashes     []uint64
		theta      uint64
		empty      bool
		estimate   float64
	}{
		// Empty: 1 preamble long, flags read-only|empty|compact|ordered =
		// 2+4+8+16 = 0x1e, seed hash 0 as Java writes it.
		{"empty", []byte{1, 3, 3, 0, 0, 0x1e, 0, 0}, false, nil, MaxTheta, true, 0},
		// One exact hash: flags 0x1a|single item 0x20 = 0x3a, hash of ID 0.
		{"single", cat(head(1, 3, 0, 0, 0x3a), le64(0x204480C8EE616BE5)), false,
			[]uint64{0x204480C8EE616BE5}, MaxTheta, false, 1},
		// Exact, 2 hashes: count 2, 4 unused bytes.
		{"exact", cat(head(2, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(5), le64(9)), false,
			[]uint64{5, 9}, MaxTheta, false, 2},
		// Estimation, θ = ½, 2 hashes: estimate 2 / ½ = 4.
		{"estimation", cat(head(3, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(half), le64(1), le64(2)), false,
			[]uint64{1, 2}, half, false, 4},
		// Non-empty, no entries, θ = ½ (e.g. the intersection of disjoint
		// sampled sets): estimate 0.
		{"no entries", cat(head(3, 3, 0, 0, 0x1a), make([]byte, 8), le64(half)), false,
			[]uint64{}, half, false, 0},
		// Version 4, exact: hashes 1, 3, 6 → deltas 1, 2, 3 → 2 bits each
		// (OR = 3), count in 1 byte; bits 01 10 11 + 00 padding = 0x6c.
		{"v4 exact", cat(head(1, 4, 2, 1, 0x1a), []byte{3, 0x6c}), true,
			[]uint64{1, 3, 6}, MaxTheta, false, 3},
		// Version 4, estimation, θ = ½: hashes 4, 5 → deltas 4, 1 → 3 bits
		// (OR = 5): 100 001 + 00 = 0x84. Estimate 2 / ½ = 4.
		{"v4 estimation", cat(head(2, 4, 3, 1, 0x1a), le64(half), []byte{2, 0x84}), true,
			[]uint64{4, 5}, half, false, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(tt.img)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got := []any{c.Hashes(), c.Theta(), c.IsEmpty(), c.Estimate()}
			want := []any{tt.hashes, tt.theta, tt.empty, tt.estimate}
			if tt.hashes == nil {
				want[0] = []uint64(nil)
			}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b []uint64) bool {
				return len(a) == len(b) && (len(a) == 0 || cmp.Equal(a, b))
			})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			var back []byte
			if tt.compressed {
				back, err = c.MarshalCompressed()
			} else {
				back, err = c.MarshalBinary()
			}
			if err != nil || !bytes.Equal(back, tt.img) {
				t.Errorf("re-encoded % x (err %v), want % x", back, err, tt.img)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	half := uint64(1 << 62)
	good := cat(head(3, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(half), le64(1), le64(2))
	with := func(i int, v byte) []byte { b := bytes.Clone(good); b[i] = v; return b }
	tests := []struct {
		name string
		img  []byte
		want error
	}{
		{"nil", nil, ErrTruncated},
		{"7 bytes", good[:7], ErrTruncated},
		{"cut in preamble", good[:20], ErrTruncated},
		{"cut in entries", good[:len(good)-1], ErrTruncated},
		{"single cut", cat(head(1, 3, 0, 0, 0x3a), []byte{1, 2, 3}), ErrTruncated},
		{"huge count", with(11, 0xff), ErrTruncated},
		{"family 2", with(2, 2), ErrUnsupported},
		{"version 2", with(1, 2), ErrUnsupported},
		{"version 5", with(1, 5), ErrUnsupported},
		{"big endian", with(5, 0x1b), ErrUnsupported},
		{"wrong seed", with(6, 0xcd), ErrSeedMismatch},
		{"not compact", with(5, 0x12), ErrCorrupt},
		{"preamble 4", with(0, 4), ErrCorrupt},
		{"preamble 0", with(0, 0), ErrCorrupt},
		{"empty with preamble 3", with(5, 0x1e), ErrCorrupt},
		{"theta 0", cat(head(3, 3, 0, 0, 0x1a), make([]byte, 8), le64(0)), ErrCorrupt},
		{"theta > max", cat(head(3, 3, 0, 0, 0x1a), make([]byte, 8), le64(1<<63)), ErrCorrupt},
		{"hash not below theta", cat(head(3, 3, 0, 0, 0x1a), []byte{1, 0, 0, 0, 0, 0, 0, 0}, le64(half), le64(half)), ErrCorrupt},
		{"zero hash", cat(head(2, 3, 0, 0, 0x1a), []byte{1, 0, 0, 0, 0, 0, 0, 0}, le64(0)), ErrCorrupt},
		{"unordered", cat(head(2, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(9), le64(5)), ErrCorrupt},
		{"duplicate", cat(head(2, 3, 0, 0, 0x0a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(9), le64(9)), ErrCorrupt},
		{"single hash ≥ max", cat(head(1, 3, 0, 0, 0x3a), le64(MaxTheta)), ErrCorrupt},
		{"v4 entry bits 0", cat(head(1, 4, 0, 1, 0x1a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 entry bits 64", cat(head(1, 4, 64, 1, 0x1a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 count bytes 0", cat(head(1, 4, 2, 0, 0x1a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 count bytes 5", cat(head(1, 4, 2, 5, 0x1a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 unordered flag", cat(head(1, 4, 2, 1, 0x0a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 preamble 3", cat(head(3, 4, 2, 1, 0x1a), []byte{3, 0x6c}), ErrCorrupt},
		{"v4 zero delta", cat(head(1, 4, 2, 1, 0x1a), []byte{3, 0x2c}), ErrCorrupt},
		{"v4 cut data", cat(head(1, 4, 2, 1, 0x1a), []byte{5, 0x6c}), ErrTruncated},
		{"v4 cut count", cat(head(1, 4, 2, 2, 0x1a), []byte{3}), ErrTruncated},
		{"v4 cut theta", cat(head(2, 4, 2, 1, 0x1a), []byte{3}), ErrTruncated},
		{"v4 wrong seed", []byte{1, 4, 3, 2, 1, 0x1a, 0, 0, 3, 0x6c}, ErrSeedMismatch},
		{"v4 over theta", cat(head(2, 4, 3, 1, 0x1a), le64(4), []byte{2, 0x84}), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(tt.img)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode = %v, %v; want error %v", c, err, tt.want)
			}
			var u Compact
			if err := u.UnmarshalBinary(tt.img); !errors.Is(err, tt.want) {
				t.Fatalf("UnmarshalBinary error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestRoundTrip: random sketches, both versions, survive encode → decode.
func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for trial := range 200 {
		n := r.IntN(300)
		hs := make([]uint64, n)
		for i := range hs {
			hs[i] = r.Uint64N(MaxTheta)
			if trial%4 == 0 {
				hs[i] = r.Uint64N(1 << 12) // small deltas: few bits
			}
		}
		theta := MaxTheta
		if trial%2 == 1 {
			theta = 1 + r.Uint64N(MaxTheta)
		}
		checkRoundTrip(t, mustFromHashes(t, hs, theta))
	}
	// AppendBinary appends.
	c := sketchOf(t, 1, 2, 3)
	b, _ := c.AppendBinary([]byte("xy"))
	want, _ := c.MarshalBinary()
	if !bytes.Equal(b, append([]byte("xy"), want...)) {
		t.Errorf("AppendBinary did not append")
	}
}

// checkRoundTrip: c survives both encodings (version 3 and compressed
// version 4) unchanged.
func checkRoundTrip(t testing.TB, c *Compact) {
	t.Helper()
	for _, enc := range []func() ([]byte, error){c.MarshalBinary, c.MarshalCompressed} {
		b, err := enc()
		if err != nil {
			t.Fatal(err)
		}
		d, err := Decode(b)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if diff := cmp.Diff(c.Hashes(), d.Hashes()); diff != "" || c.Theta() != d.Theta() || c.IsEmpty() != d.IsEmpty() {
			t.Fatalf("round trip: θ %d→%d, empty %v→%v (-want +got)\n%s", c.Theta(), d.Theta(), c.IsEmpty(), d.IsEmpty(), diff)
		}
	}
}

// fixtures are our own sketches serialised into testdata: the IDs 0 … n−1
// (lgK 12), plain and compressed, plus the degenerate forms.
func fixtures(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, n := range []int{0, 1, 100, 20000} {
		c := sketchOfRange(t, n)
		v3, _ := c.MarshalBinary()
		v4, _ := c.MarshalCompressed()
		out[filepath.Join("testdata", "ids_n"+strconv.Itoa(n)+".sk")] = v3
		out[filepath.Join("testdata", "ids_compressed_n"+strconv.Itoa(n)+".sk")] = v4
	}
	// Disjoint sampled sets: non-empty, θ < 1, no entries.
	s, _ := New(DefaultLgK)
	for i := range uint64(20000) {
		s.Add(i + 1<<40)
	}
	ne, _ := Intersect(sketchOfRange(t, 20000), s.Compact()).MarshalBinary()
	out[filepath.Join("testdata", "non_empty_no_entries.sk")] = ne
	return out
}

// TestFixtures: the committed images decode to exactly the sketches we
// build today (format stability), with estimates within 3 % of n.
func TestFixtures(t *testing.T) {
	want := fixtures(t)
	if *update {
		for name, b := range want {
			if err := os.WriteFile(name, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, w := range want {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test -run TestFixtures -update)", err)
		}
		if !bytes.Equal(got, w) {
			t.Errorf("%s: committed image differs from today's encoding", name)
		}
		c, err := Decode(got)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var n float64
		switch filepath.Base(name) {
		case "ids_n1.sk", "ids_compressed_n1.sk":
			n = 1
		case "ids_n100.sk", "ids_compressed_n100.sk":
			n = 100
		case "ids_n20000.sk", "ids_compressed_n20000.sk":
			n = 20000
		}
		if math.Abs(c.Estimate()-n) > 0.03*n {
			t.Errorf("%s: estimate %v, want within 3%% of %v", name, c.Estimate(), n)
		}
	}
}

// ones1bit is a version 4 image of n hashes 1, 2, …, n: every delta 1,
// stored in 1 bit each (n/8 bytes of 0xff), the densest image the format
// allows (8 hashes per byte). n is a multiple of 8 below 2^24.
func ones1bit(n int) []byte {
	b := cat(head(1, 4, 1, 3, 0x1a), []byte{byte(n), byte(n >> 8), byte(n >> 16)})
	return append(b, bytes.Repeat([]byte{0xff}, n/8)...)
}

// TestDecodeTrim: DecodeTrim agrees with Decode followed by Trim (hashes,
// theta, errors) and holds at most k+1 hashes of a version 4 image: a
// 128 KiB image of 2^20 1-bit deltas decodes in about 2^20·8 = 8 MiB with
// Decode and in (2^5+1)·8 = 264 bytes of hashes with DecodeTrim at lgK 5.
func TestDecodeTrim(t *testing.T) {
	imgs := map[string][]byte{
		"dense v4":       ones1bit(1 << 20),
		"small v4":       ones1bit(16), // 16 hashes ≤ k = 32: kept whole
		"v3 estimation":  cat(head(3, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(1<<62), le64(1), le64(2)),
		"v4 bad tail":    append(ones1bit(1<<10), 0),                               // trailing bytes are ignored
		"v4 zero delta":  append(ones1bit(1 << 10)[:len(ones1bit(1<<10))-1], 0xfe), // last delta 0
		"nil":            nil,
		"truncated v4":   ones1bit(1 << 10)[:100],
		"v4 huge count":  cat(head(1, 4, 1, 3, 0x1a), []byte{0xff, 0xff, 0xff}),
		"v4 theta 0 hit": cat(head(2, 4, 1, 1, 0x1a), le64(3), []byte{8, 0xff}),
	}
	for name, img := range imgs {
		t.Run(name, func(t *testing.T) {
			got, gotErr := DecodeTrim(img, MinLgK)
			want, wantErr := Decode(img)
			if wantErr == nil {
				want, wantErr = want.Trim(MinLgK)
			}
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("DecodeTrim error %v, Decode+Trim %v", gotErr, wantErr)
			}
			if gotErr != nil {
				t.Log(gotErr)
				return
			}
			if diff := cmp.Diff(want.Hashes(), got.Hashes()); diff != "" || want.Theta() != got.Theta() {
				t.Fatalf("theta %d, want %d; hashes (-want +got):\n%s", got.Theta(), want.Theta(), diff)
			}
			if c := cap(got.hashes); c > 1<<MinLgK+1 {
				t.Errorf("holds %d hashes, want at most k+1 = %d", c, 1<<MinLgK+1)
			}
		})
	}
	// The dense image: k = 32 hashes 1…32 kept, θ the 33rd hash.
	c, err := DecodeTrim(ones1bit(1<<20), MinLgK)
	if err != nil || c.Retained() != 32 || c.Theta() != 33 {
		t.Fatalf("dense: %v, retained %d, theta %d; want 32 and 33", err, c.Retained(), c.Theta())
	}
	if _, err := DecodeTrim(ones1bit(8), MaxLgK+1); !errors.Is(err, ErrLgK) {
		t.Errorf("lgK 27: %v, want ErrLgK", err)
	}
}
