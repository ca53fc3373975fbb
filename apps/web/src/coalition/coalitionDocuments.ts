/**
 * The coalition line-up's GraphQL documents (checked against the API's schema by the web contract test):
 * the line-up by trust or site, the organisation's sharing setting, turning it on or off, and publishing now.
 */
export const COALITION_DOCUMENTS = {
  coalitionLineUp: `
    query CoalitionLineUp($level: CoalitionLevel!) {
      coalitionLineUp(level: $level) {
        level sharing organisations minCell
        rows { odsCode name cells { organisation own name headcount members density suppressed suppression publishedAt } }
      }
    }`,
  coalitionSharing: `
    query CoalitionSharing {
      coalitionSharing { sharing published publishedAt }
    }`,
  setCoalitionSharing: `
    mutation SetCoalitionSharing($share: Boolean!) {
      setCoalitionSharing(share: $share) { sharing published publishedAt }
    }`,
  publishCoalitionAggregates: `
    mutation PublishCoalitionAggregates {
      publishCoalitionAggregates { sharing published publishedAt }
    }`,
} as const;
