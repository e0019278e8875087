package dedup

// table is an open-addressing hash table from 32-bit band keys to slots, with linear
// probing and backward-shift deletion. At 8 bytes a cell and a load of at most 3/4 it holds
// an LSH bucket in 11-16 bytes, about half of what a Go map of the same types takes. Key 0
// marks an empty cell, so callers never store 0 (see fixKey).
type table struct {
	keys []uint32
	vals []int32
	n    int
}

func fixKey(k uint32) uint32 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *table) home(k uint32) int {
	return int((uint64(k) * 0x9E3779B1 >> 7) & uint64(len(t.keys)-1))
}

func (t *table) get(k uint32) (int32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// putNew stores k -> v unless k is present; it reports whether it stored.
func (t *table) putNew(k uint32, v int32) bool {
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return false
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return true
		}
	}
}

// delete removes k if it maps to v.
func (t *table) delete(k uint32, v int32) {
	if len(t.keys) == 0 {
		return
	}
	mask := len(t.keys) - 1
	i := t.home(k)
	for ; ; i = (i + 1) & mask {
		if t.keys[i] == 0 {
			return
		}
		if t.keys[i] == k {
			break
		}
	}
	if t.vals[i] != v {
		return
	}
	t.n--
	// Backward shift: pull later cells of the probe run into the hole when their home
	// position allows it.
	for j := (i + 1) & mask; t.keys[j] != 0; j = (j + 1) & mask {
		h := t.home(t.keys[j])
		if (j > i && (h <= i || h > j)) || (j < i && h <= i && h > j) {
			t.keys[i], t.vals[i] = t.keys[j], t.vals[j]
			i = j
		}
	}
	t.keys[i], t.vals[i] = 0, 0
}

func (t *table) grow() {
	old, oldv := t.keys, t.vals
	n := 2 * len(old)
	if n == 0 {
		n = 1024
	}
	t.keys, t.vals, t.n = make([]uint32, n), make([]int32, n), 0
	for i, k := range old {
		if k != 0 {
			t.putNew(k, oldv[i])
		}
	}
}

func (t *table) bytes() int { return 8 * len(t.keys) }
