/*
 * Browser notifications for the 311 web chat: "Notify me when it's fixed".
 *
 * 1. Registers the service worker (sw.js), which shows a pushed status update and opens the
 *    report's public status page when it is clicked.
 * 2. Watches the chat's actions through the hook app.js calls (window.civicChatHooks): a bot
 *    message whose channelData.civicPushOffer names the "Notify me" button marks that button.
 * 3. When the citizen picks it, asks for the browser's permission in that same click (browsers
 *    only ask then), subscribes with the server's VAPID key (GET /api/webchat/push-key) and
 *    registers the subscription for this conversation
 *    (PUT /v3/directline/conversations/{id}/updates/webpush, with the chat's own token).
 * Without service workers or push (or with permission refused) nothing else happens: the bot's
 * reply already says what to do, and the transcript keeps every update anyway.
 */
(() => {
  'use strict';

  const supported = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  const worker = supported
    ? navigator.serviceWorker.register('sw.js').catch((error) => {
        console.warn('Could not register the notification service worker.', error);
        return null;
      })
    : Promise.resolve(null);
  let offeredTitle = null;

  function bytesOf(base64Url) {
    const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }

  // Stores the subscription for this conversation; the server posts updates to it.
  async function register(directLine, subscription) {
    const response = await fetch(`/v3/directline/conversations/${encodeURIComponent(directLine.conversationId)}/updates/webpush`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${directLine.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(subscription),
    });
    if (!response.ok) throw new Error(`The subscription was refused (${response.status}).`);
  }

  async function subscribe(directLine, permission) {
    if ((await permission) !== 'granted') return;
    const registration = await worker;
    if (!registration) return;
    const key = await fetch('/api/webchat/push-key', { cache: 'no-store' });
    if (!key.ok) return; // not configured on this server
    const { publicKey } = await key.json();
    await navigator.serviceWorker.ready;
    const subscription = (await registration.pushManager.getSubscription())
      || (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(publicKey) }));
    await register(directLine, subscription.toJSON());
  }

  window.civicChatHooks = (window.civicChatHooks || []).concat((action, directLine) => {
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      const channelData = action.payload && action.payload.activity && action.payload.activity.channelData;
      if (channelData && typeof channelData.civicPushOffer === 'string') offeredTitle = channelData.civicPushOffer;
      return;
    }
    if (action.type !== 'WEB_CHAT/SEND_MESSAGE' || !supported || !offeredTitle || !directLine) return;
    if ((action.payload && action.payload.text) !== offeredTitle) return;
    const permission = Notification.requestPermission(); // now, inside the citizen's click
    subscribe(directLine, permission).catch((error) => console.warn('Could not turn on notifications.', error));
  });

  // For the page's tests: the service worker registration, once settled.
  window.civicNotifications = { worker, offered: () => offeredTitle };
})();
