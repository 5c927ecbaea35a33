// Copies the browser libraries the map page needs from node_modules/ into
// src/eventwire/web/static/vendor/ (run by `make vendor` after `npm ci`).
// Nothing is fetched at run time: the page loads only these files from its own origin.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "eventwire", "web", "static", "vendor");

// [package, file or folder inside it, destination inside vendor/]
const FILES = [
  ["leaflet", "dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet", "dist/leaflet.css", "leaflet/leaflet.css"],
  ["leaflet", "dist/images", "leaflet/images"],
  ["leaflet", "LICENSE", "leaflet/LICENSE"],
  ["leaflet.markercluster", "dist/leaflet.markercluster.js", "leaflet.markercluster/leaflet.markercluster.js"],
  ["leaflet.markercluster", "dist/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.css"],
  ["leaflet.markercluster", "MIT-LICENCE.txt", "leaflet.markercluster/MIT-LICENCE.txt"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client/LICENSE"],
  // Natural Earth 1:50m country boundaries (public domain), as TopoJSON.
  ["world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
];

rmSync(out, { recursive: true, force: true });
for (const [pkg, src, dest] of FILES) {
  const from = join(modules, pkg, src);
  if (!existsSync(from)) {
    console.error(`vendor: missing ${from} (run npm ci in web/ first)`);
    process.exit(1);
  }
  const to = join(out, dest);
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
console.log(`vendor: ${FILES.length} entries copied to ${out}`);
