// Renders a ZPL file to PNG with zebrash (npm zpl-renderer-js), a renderer independent of ours, so
// tests can decode what a Zebra would print: node render-zpl.cjs in.zpl out.png widthMm heightMm dpmm
// The module is found through NODE_PATH.
const fs = require("node:fs");
const { ready } = require("zpl-renderer-js");
(async () => {
  const [, , input, output, w, h, dpmm] = process.argv;
  const { api } = await ready;
  const png = await api.zplToBase64Async(fs.readFileSync(input, "utf8"), Number(w), Number(h), Number(dpmm));
  fs.writeFileSync(output, Buffer.from(png, "base64"));
  process.exit(0);
})().catch((e) => { console.error(String(e)); process.exit(1); });
