package admin

import "strings"

// DiffRow is one row of a side-by-side comparison: the left line, the right
// line, and what happened between them.
type DiffRow struct {
	Left, Right string
	Op          string // same, changed, added, removed
}

// maxDiffCells bounds the comparison table; past it the texts are shown as
// one changed block rather than spending quadratic time.
const maxDiffCells = 4_000_000

// diffLines compares two texts line by line with a longest-common-subsequence
// table and pairs removed and added runs side by side.
func diffLines(a, b string) []DiffRow {
	left, right := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(left)*len(right) > maxDiffCells {
		return []DiffRow{{Left: a, Right: b, Op: "changed"}}
	}
	n, m := len(left), len(right)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if left[i] == right[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var rows []DiffRow
	var removed, added []string
	flush := func() {
		for k := 0; k < max(len(removed), len(added)); k++ {
			row := DiffRow{Op: "changed"}
			switch {
			case k >= len(removed):
				row.Right, row.Op = added[k], "added"
			case k >= len(added):
				row.Left, row.Op = removed[k], "removed"
			default:
				row.Left, row.Right = removed[k], added[k]
			}
			rows = append(rows, row)
		}
		removed, added = removed[:0], added[:0]
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && left[i] == right[j]:
			flush()
			rows = append(rows, DiffRow{Left: left[i], Right: right[j], Op: "same"})
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			added = append(added, right[j])
			j++
		default:
			removed = append(removed, left[i])
			i++
		}
	}
	flush()
	return rows
}
