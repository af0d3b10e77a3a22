// Cross-checks a Twilio webhook signature with the official twilio package:
// prints {"expected": <its signature>, "valid": <validateRequest of ours>}.
"use strict";
const twilio = require("twilio");

const token = process.env.TWILIO_AUTH_TOKEN;
const url = process.env.TWILIO_URL;
const params = JSON.parse(process.env.TWILIO_PARAMS);
const signature = process.env.TWILIO_SIGNATURE;

process.stdout.write(JSON.stringify({
  expected: twilio.getExpectedTwilioSignature(token, url, params),
  valid: twilio.validateRequest(token, signature, url, params),
}));
