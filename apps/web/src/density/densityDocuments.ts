/** The density dashboard's and slice explorer's GraphQL documents (see dataProvider.ts `density`). */
const ROW = `keys { dimension value label } headcount members membersByUnion { unionId name members } density assessed assessedShare
  ones twos leaders reps workersPerRep coverage conversations30d neverSpokenTo suppressed suppression`;

export const DENSITY_DOCUMENTS = {
  densitySlice: `
    query densitySlice($by: [SliceDimension!]!, $filter: SliceFilter) {
      item: densitySlice(by: $by, filter: $filter) {
        by aggregateOnly minCell asOf rows { ${ROW} } margins { ${ROW} } total { ${ROW} }
      }
    }`,
  densityTrend: `
    query densityTrend($from: String, $to: String) {
      item: densityTrend(from: $from, to: $to) {
        from to asOf latestDay aggregateOnly minCell
        points { day headcount members density suppressed suppression }
      }
    }`,
  takeDensitySnapshot: `
    mutation takeDensitySnapshot {
      item: takeDensitySnapshot { from to days takenAt }
    }`,
} as const;
