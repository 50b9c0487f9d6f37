package roi

import (
	"strconv"
)

// hostileSales adds issue 17's functions to the hostile table.
func hostileSales(add adder) {
	add("RateShapley.String", "", func() error {
		if (RateShapley{}).String() != "shapley(rate)" {
			return ErrInvalid
		}
		return nil
	})
	var wide []Path
	for i := range MaxShapleyChannels + 1 {
		wide = append(wide, Path{Channels: []string{"c" + strconv.Itoa(i)}, Conversions: 1})
	}
	add("Attribute", "RateShapley, 21 channels", func() error { _, err := Attribute(wide, RateShapley{}); return err })
}
