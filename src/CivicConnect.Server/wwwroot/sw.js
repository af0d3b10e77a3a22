/*
 * The 311 web chat's service worker: shows a report's status update pushed by the server
 * ({ title, body, url, lang }, see CitizenPush/PushContent.cs) and, when the citizen clicks it,
 * opens the report's public status page (or focuses a tab already showing it).
 */
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let update = {};
  try {
    update = event.data ? event.data.json() : {};
  } catch {
    update = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(update.title || '311', {
    body: update.body || '',
    lang: update.lang || undefined,
    icon: 'favicon.svg',
    tag: update.url || undefined, // a newer update on the same report replaces the older one
    data: { url: update.url || null },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (!url) return;
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const tab = open.find((client) => client.url === url);
    return tab ? tab.focus() : self.clients.openWindow(url);
  })());
});
