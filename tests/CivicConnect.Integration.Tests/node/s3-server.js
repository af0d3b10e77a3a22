// A real S3-compatible server (s3rver) on loopback for the object-store tests and civic deploy-check.
// Usage: node s3-server.js <directory> [port] [bucket...]; prints "listening <port>" once it answers.
// It speaks the S3 REST wire format (signed requests, XML bodies), so the AWS SDK talks to it as to any S3.
'use strict';
const S3rver = require('s3rver');

const [directory, port = '0', ...buckets] = process.argv.slice(2);
if (!directory) {
  console.error('usage: node s3-server.js <directory> [port] [bucket...]');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  configureBuckets: buckets.map((name) => ({ name })),
});

server.run().then(({ port: bound }) => {
  console.log(`listening ${bound}`);
}, (error) => {
  console.error(error);
  process.exit(1);
});

// Stop cleanly when the parent closes our stdin (it died or is done with us).
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
