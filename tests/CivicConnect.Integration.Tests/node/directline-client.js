// Drives the CivicConnect Direct Line API with the official botframework-directlinejs client,
// the library inside Web Chat, exactly as a browser would: a token from the web page endpoint,
// a conversation, a message, and the bot's reply over the WebSocket stream and over polling.
// Prints one JSON object on stdout for the xunit test to assert on.
'use strict';

// directlinejs expects browser globals; in Node they come from ws and xhr2.
global.WebSocket = require('ws');
global.XMLHttpRequest = require('xhr2');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const baseUrl = process.env.CIVIC_BASE_URL;
const domain = `${baseUrl}/v3/directline`;
const bot = 'civicconnect';

function pick(activity) {
  return { id: activity.id, type: activity.type, from: activity.from && activity.from.id, text: activity.text };
}

function firstBotReply(client, seen) {
  return new Promise((resolve, reject) => {
    client.activity$.subscribe(
      activity => {
        seen.push(pick(activity));
        if (activity.from && activity.from.id === bot) resolve(activity);
      },
      reject);
  });
}

function post(client, activity) {
  return new Promise((resolve, reject) => client.postActivity(activity).subscribe(resolve, reject));
}

async function main() {
  const response = await fetch(`${baseUrl}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const { token, conversationId } = await response.json();

  // 1. WebSocket stream, as Web Chat does by default.
  const streaming = new DirectLine({ token, domain, webSocket: true });
  const statuses = [];
  streaming.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));
  const streamed = [];
  const streamReply = firstBotReply(streaming, streamed);
  const postedId = await post(streaming, {
    type: 'message',
    from: { id: 'node-user', name: 'Node' },
    text: 'hi',
    locale: 'en-CA',
    channelData: { clientActivityID: 'node-1' },
  });
  const reply = await streamReply;
  streaming.end();

  // 2. Polling, as a client without WebSockets (or reconnecting later) does: same conversation, same token.
  const polling = new DirectLine({ token, conversationId, domain, webSocket: false, pollingInterval: 250 });
  const polled = [];
  await firstBotReply(polling, polled);
  polling.end();

  return { conversationId, postedId, streamReply: pick(reply), streamed, polled, statuses };
}

const deadline = setTimeout(() => {
  process.stdout.write(JSON.stringify({ error: 'timed out' }) + '\n', () => process.exit(2));
}, Number(process.env.CIVIC_CLIENT_TIMEOUT_MS || 30000));

main().then(
  result => {
    clearTimeout(deadline);
    // Flush before exiting: stdout is a pipe, and pipes are written asynchronously.
    process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
  },
  error => {
    clearTimeout(deadline);
    process.stdout.write(JSON.stringify({ error: String(error && (error.stack || error.message || error)) }) + '\n', () => process.exit(1));
  });
