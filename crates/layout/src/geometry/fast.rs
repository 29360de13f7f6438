//! Arithmetic with the same bits as `f64::max` and `libm::hypot`, written
//! so that WebAssembly runs it as fast as native code does.
//!
//! In WebAssembly `f64::max` is a call to `fmax` (its `f64.max` treats NaN
//! differently), and `libm`'s square root is done in software (its
//! hardware one needs a nightly compiler there), which `libm::hypot` and
//! so every distance paid for: 11 % of a picture's time in the browser.
//! `f64::sqrt` is correctly rounded on every machine, as `libm::sqrt` is,
//! so [`hypot`] below is `libm::hypot` bit for bit (tested).

/// The larger of `a` and `b`, as `f64::max` gives it (a NaN loses to a
/// number), in two comparisons.
#[inline]
pub fn max(a: f64, b: f64) -> f64 {
    if b.is_nan() || a > b { a } else { b }
}

/// √(x² + y²) without undue overflow or underflow: `libm::hypot` (musl's
/// algorithm) with the hardware square root.
pub fn hypot(x: f64, y: f64) -> f64 {
    /// 2^27 + 1: splits a double into halves whose products are exact.
    const SPLIT: f64 = 134_217_728.0 + 1.0;
    fn sq(x: f64) -> (f64, f64) {
        let xc = x * SPLIT;
        let xh = x - xc + xc;
        let xl = x - xh;
        let hi = x * x;
        let lo = xh * xh - hi + 2.0 * xh * xl + xl * xl;
        (hi, lo)
    }
    let up = f64::from_bits(0x6bb0_0000_0000_0000); // 2^700
    let down = f64::from_bits(0x1430_0000_0000_0000); // 2^-700
    // |x| >= |y|.
    let (mut ux, mut uy) = (x.to_bits() & (u64::MAX >> 1), y.to_bits() & (u64::MAX >> 1));
    if ux < uy {
        std::mem::swap(&mut ux, &mut uy);
    }
    let (ex, ey) = ((ux >> 52) as i64, (uy >> 52) as i64);
    let (mut x, mut y) = (f64::from_bits(ux), f64::from_bits(uy));
    // hypot(inf, nan) is inf.
    if ey == 0x7ff {
        return y;
    }
    if ex == 0x7ff || uy == 0 {
        return x;
    }
    if ex - ey > 64 {
        return x + y;
    }
    let mut z = 1.0;
    if ex > 0x3ff + 510 {
        z = up;
        x *= down;
        y *= down;
    } else if ey < 0x3ff - 450 {
        z = down;
        x *= up;
        y *= up;
    }
    let (hx, lx) = sq(x);
    let (hy, ly) = sq(y);
    z * (ly + lx + hy + hx).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers of every kind: signs, zeros, subnormals, huge and tiny,
    /// infinities, NaN, and a spread of ordinary values.
    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            3.0,
            4.0,
            1e-310,
            -1e-310,
            f64::MIN_POSITIVE,
            f64::MAX,
            -f64::MAX,
            1e300,
            1e-300,
            1e154,
            1e-154,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        // A deterministic spread over the magnitudes and mantissas.
        let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..4000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = f64::from_bits(s);
            if x.is_finite() {
                v.push(x);
            }
            // Layout-sized numbers: what the picture computes.
            v.push((s % 4_000_000) as f64 / 1000.0 - 2000.0);
        }
        v
    }

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn hypot_is_libm_bit_for_bit() {
        let v = samples();
        for (i, &x) in v.iter().enumerate() {
            for &y in v.iter().skip(i % 7).step_by(37) {
                let (a, b) = (hypot(x, y), libm::hypot(x, y));
                assert!(
                    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                    "hypot({x:e}, {y:e}) = {a:e}, libm {b:e}"
                );
            }
        }
    }

    #[test]
    fn max_is_f64_max() {
        let v = samples();
        for (i, &a) in v.iter().enumerate() {
            for &b in v.iter().skip(i % 5).step_by(29) {
                let (m, want) = (max(a, b), a.max(b));
                // Which zero f64::max returns for ±0 is not specified.
                assert!(
                    m.to_bits() == want.to_bits()
                        || (m.is_nan() && want.is_nan())
                        || (m == 0.0 && want == 0.0),
                    "max({a:e}, {b:e}) = {m:e}, f64::max {want:e}"
                );
            }
        }
    }
}
