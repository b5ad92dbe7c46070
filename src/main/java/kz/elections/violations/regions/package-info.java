/**
 * Kazakhstan's regions and cities of republican significance as data ({@code regions/regions.json}): each
 * with a code (the regional prosecutors' group is {@code prosecutors-<code>}) and its names in Kazakh,
 * Russian and English; {@code GET /api/regions} lists them for anyone, the public complaint page included.
 */
package kz.elections.violations.regions;
