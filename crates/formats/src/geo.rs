//! Distances between track points the way gpxpy measures them, so totals can
//! be compared: an equirectangular approximation on a sphere of radius
//! 6 378 137 m, or the haversine when the points are more than 0.2° apart.

const EARTH_RADIUS_M: f64 = 6_378_137.0;

pub fn distance_2d(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    if (lat1 - lat2).abs() > 0.2 || (lon1 - lon2).abs() > 0.2 {
        return haversine(lat1, lon1, lat2, lon2);
    }
    let coef = (lat1.to_radians()).cos();
    let x = lat1 - lat2;
    let y = (lon1 - lon2) * coef;
    (x * x + y * y).sqrt() * std::f64::consts::PI / 180.0 * EARTH_RADIUS_M
}

fn haversine(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().atan2((1.0 - a).sqrt())
}

/// gpxpy's climb: elevations smoothed 0.3/0.4/0.3 with their neighbours, then
/// the rises summed.
pub fn uphill(e: &[f64]) -> f64 {
    let n = e.len();
    let smooth = |i: usize| if i > 0 && i + 1 < n { e[i - 1] * 0.3 + e[i] * 0.4 + e[i + 1] * 0.3 } else { e[i] };
    (1..n).map(|i| (smooth(i) - smooth(i - 1)).max(0.0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let d = distance_2d(46.0, 14.0, 46.1, 14.0);
        assert!((d - 11_131.9).abs() < 1.0, "{d}");
        let far = distance_2d(46.0, 14.0, 47.0, 14.0);
        assert!((far - 111_319.5).abs() < 5.0, "{far}");
    }
}
