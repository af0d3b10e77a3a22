/*
 * CivicConnect web chat page.
 *
 * 1. Get a Direct Line token from this server (POST /api/webchat/token), or resume the one kept in
 *    sessionStorage so a reload continues the same conversation (refreshed when close to expiry).
 *    Only if the citizen ticks "Remember this device" does anything outlive the tab: a random
 *    citizen key in localStorage, sent with the token request so the server rejoins their open
 *    conversation (its history shows again). Unticking forgets the key.
 * 2. Connect the official Bot Framework Web Chat (lib/webchat.js) to this server's Direct Line API.
 * 3. Page controls: English/Français (Web Chat's locale, so every activity carries it) and
 *    "Share my location" (a message with GeoCoordinates posted through the Web Chat store, so it
 *    shows in the transcript like anything else the citizen sends).
 */
(() => {
  'use strict';

  const DIRECT_LINE = `${location.origin}/v3/directline`;
  const SESSION_KEY = 'civicconnect.webchat.session';
  const LANGUAGE_KEY = 'civicconnect.webchat.language';
  // localStorage, and only with consent: the key is a bearer secret for the citizen's conversation.
  const CITIZEN_KEY = 'civicconnect.webchat.citizenKey';
  // When this tab last reloaded to reconnect: at most once a minute, so a connection that keeps failing shows an error instead of looping.
  const RECONNECTED_KEY = 'civicconnect.webchat.reconnectedAt';
  // Refresh the token when less than this is left (and never keep one that is about to lapse).
  const REFRESH_MARGIN_MS = 5 * 60 * 1000;

  // Web Chat locale for each page language; Web Chat ships its own strings for these two.
  const LOCALES = { en: 'en-US', fr: 'fr-FR' };

  // The page's own words. The bot's words come from the server in the chosen language.
  const TEXT = {
    en: {
      pageTitle: 'Report a problem – 311',
      skip: 'Skip to the chat',
      title: 'Report a problem',
      tagline: 'Potholes, streetlights, graffiti and more. Tell us what and where.',
      language: 'Language',
      shareLocation: 'Share my location',
      remember: 'Remember this device',
      rememberHint: 'Keeps a private key in this browser so you can come back to this conversation. Untick to forget this device.',
      remembered: 'This device will bring you back to this conversation.',
      forgotten: 'This device is forgotten: closing the page ends the conversation here.',
      rememberFailed: 'This device could not be remembered. Please try again.',
      uploadButton: 'Send a photo',
      switchWord: 'English',
      chatRegion: 'Chat with 311',
      emergency: 'In an emergency, call 911.',
      connecting: 'Connecting…',
      noWebChat: 'The chat could not be loaded. Please try again later or call 311.',
      connectFailed: 'We could not start the chat. Please reload the page or call 311.',
      locating: 'Finding your location…',
      locationMessage: (lat, lon) => `📍 My location: ${lat}, ${lon}`,
      locationSent: 'Your location was sent.',
      locationDenied: 'Location sharing is turned off for this site. Type the address or the nearest intersection instead, or allow location in your browser settings and try again.',
      locationUnavailable: 'Your location could not be found. Type the address or the nearest intersection instead.',
      locationUnsupported: 'This browser cannot share a location. Type the address or the nearest intersection instead.',
    },
    fr: {
      pageTitle: 'Signaler un problème – 311',
      skip: 'Aller à la conversation',
      title: 'Signaler un problème',
      tagline: 'Nids-de-poule, lampadaires, graffitis et plus. Dites-nous quoi et où.',
      language: 'Langue',
      shareLocation: 'Partager ma position',
      remember: 'Se souvenir de cet appareil',
      rememberHint: 'Garde une clé privée dans ce navigateur pour revenir à cette conversation. Décochez pour oublier cet appareil.',
      remembered: 'Cet appareil vous ramènera à cette conversation.',
      forgotten: 'Cet appareil est oublié : fermer la page termine la conversation ici.',
      rememberFailed: 'Impossible de se souvenir de cet appareil. Réessayez.',
      uploadButton: 'Envoyer une photo',
      switchWord: 'Français',
      chatRegion: 'Conversation avec le 311',
      emergency: 'En cas d’urgence, composez le 911.',
      connecting: 'Connexion…',
      noWebChat: 'La conversation n’a pas pu être chargée. Réessayez plus tard ou appelez le 311.',
      connectFailed: 'La conversation n’a pas pu démarrer. Rechargez la page ou appelez le 311.',
      locating: 'Recherche de votre position…',
      locationMessage: (lat, lon) => `📍 Ma position : ${lat}, ${lon}`,
      locationSent: 'Votre position a été envoyée.',
      locationDenied: 'Le partage de position est désactivé pour ce site. Tapez plutôt l’adresse ou l’intersection la plus proche, ou autorisez la position dans les réglages du navigateur et réessayez.',
      locationUnavailable: 'Votre position est introuvable. Tapez plutôt l’adresse ou l’intersection la plus proche.',
      locationUnsupported: 'Ce navigateur ne peut pas partager de position. Tapez plutôt l’adresse ou l’intersection la plus proche.',
    },
  };

  // Web Chat's colours, matching app.css (all AA contrast).
  const STYLE_OPTIONS = {
    accent: '#b0101f',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    bubbleBackground: '#f1f1f1',
    bubbleTextColor: '#1b1b1b',
    bubbleFromUserBackground: '#b0101f',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#b0101f',
    subtle: '#4a4a4a',
    timestampColor: '#4a4a4a',
    suggestedActionLayout: 'flow', // buttons wrap onto lines: no sideways scrolling on phones
    suggestedActionTextColor: '#7d0b16',
    suggestedActionBorderColor: '#b0101f',
    suggestedActionBorderWidth: 2,
    // Photos: the upload button opens the camera or gallery; a picked photo is sent at once.
    hideUploadButton: false,
    uploadAccept: 'image/*',
    uploadMultiple: false,
    sendAttachmentOn: 'attach',
  };

  const chat = document.getElementById('webchat');
  const status = document.getElementById('status');
  const languageSelect = document.getElementById('language');
  const locationButton = document.getElementById('share-location');
  const rememberBox = document.getElementById('remember');

  let language = initialLanguage();
  let directLine;
  let store;
  let joined = false;
  let current; // this tab's session: { conversationId, token, expiresAt }

  // ------------------------------------------------------------------ page text and status

  // The citizen's own pick in this tab, else the link's ?lang=fr, else the browser's language.
  function initialLanguage() {
    const asked = sessionStorage.getItem(LANGUAGE_KEY) || new URLSearchParams(location.search).get('lang');
    if (asked && TEXT[asked]) return asked;
    return (navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }

  function text() {
    return TEXT[language];
  }

  function applyLanguage() {
    const t = text();
    document.documentElement.lang = language;
    document.title = t.pageTitle;
    languageSelect.value = language;
    for (const el of document.querySelectorAll('[data-text]')) el.textContent = t[el.dataset.text];
    for (const el of document.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t[el.dataset.label]);
  }

  function showStatus(message, isError = false) {
    status.textContent = message || '';
    status.classList.toggle('error', isError);
    status.hidden = !message;
  }

  // ------------------------------------------------------------------ token and session

  async function postJson(url, token, body) {
    const headers = token ? { Authorization: `Bearer ${token}` } : {};
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  function loadSession() {
    try {
      const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
      return session && session.token && session.conversationId && session.expiresAt ? session : null;
    } catch {
      return null;
    }
  }

  // Keeps { conversationId, token, expiresAt } for this tab: a reload resumes the conversation.
  function saveSession(answer, previous) {
    current = {
      conversationId: answer.conversationId || (previous && previous.conversationId),
      token: answer.token,
      expiresAt: Date.now() + answer.expires_in * 1000,
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(current));
    return current;
  }

  const refreshToken = async (session) => saveSession(await postJson(`${DIRECT_LINE}/tokens/refresh`, session.token), session);

  // ------------------------------------------------------------------ remember this device

  // The citizen key, only if the citizen chose "Remember this device" (storage may be blocked).
  function citizenKey() {
    try {
      return localStorage.getItem(CITIZEN_KEY);
    } catch {
      return null;
    }
  }

  // 256 random bits, base64url: the server keeps only a hash of it.
  function newCitizenKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Ticked: a new key, and the conversation under way is bound to it (its token now carries the key's user).
  async function rememberDevice() {
    const key = newCitizenKey();
    try {
      localStorage.setItem(CITIZEN_KEY, key);
      if (current) saveSession(await postJson('/api/webchat/remember', current.token, { citizenKey: key }), current);
      showStatus(text().remembered);
    } catch (error) {
      console.warn('Could not remember this device.', error);
      forgetDevice();
      showStatus(text().rememberFailed, true);
    }
  }

  // Unticked: nothing is kept beyond this tab any more. The key is gone, so no token can rejoin with it.
  function forgetDevice() {
    try {
      localStorage.removeItem(CITIZEN_KEY);
    } catch {
      // Storage blocked: nothing was kept.
    }
    rememberBox.checked = false;
  }

  // A stored, still valid session (refreshed first if close to expiry), or a token from the server:
  // for the citizen's open conversation when the device is remembered, else for a new one.
  async function openSession() {
    const stored = loadSession();
    if (stored) {
      const left = stored.expiresAt - Date.now();
      if (left > REFRESH_MARGIN_MS) return { session: stored, resumed: true };
      if (left > 0) {
        try {
          return { session: await refreshToken(stored), resumed: true };
        } catch {
          // The conversation cannot be resumed: start a new one below.
        }
      }
      sessionStorage.removeItem(SESSION_KEY);
    }
    const key = citizenKey();
    const answer = await postJson('/api/webchat/token', null, key ? { citizenKey: key } : undefined);
    return { session: saveSession(answer), resumed: answer.resumed === true };
  }

  // Web Chat's Direct Line client refreshes its own copy; this keeps the stored copy fresh for reloads.
  function scheduleRefresh() {
    const wait = Math.max(0, current.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    setTimeout(async () => {
      try {
        await refreshToken(current);
        scheduleRefresh();
      } catch (error) {
        console.warn('Could not refresh the chat token; a reload will start a new conversation.', error);
      }
    }, wait);
  }

  // ------------------------------------------------------------------ Web Chat

  // A shared location is posted without text (the bot would read text as a description or an
  // address); this caption is what the transcript shows for it instead.
  function withLocationCaption(activity) {
    const point = (activity.entities || []).find((entity) => entity.type === 'GeoCoordinates');
    if (!point || activity.text || !activity.from || activity.from.role !== 'user') return activity;
    return { ...activity, text: text().locationMessage(point.latitude.toFixed(5), point.longitude.toFixed(5)) };
  }

  // Sees every Web Chat action: captions shared locations, enables "Share my location" once
  // connected, and starts over when a resumed conversation can no longer be reached.
  function createStore(resumed) {
    return window.WebChat.createStore({}, () => (next) => (action) => {
      if ((action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' || action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING') && action.payload) {
        action = { ...action, payload: { ...action.payload, activity: withLocationCaption(action.payload.activity) } };
      }
      if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') {
        const state = action.payload.connectionStatus; // 1 connecting, 2 online, 3 failed, 4 expired token
        locationButton.disabled = state !== 2;
        if (state === 2) showStatus('');
        // Once per page: tells the bot the chat is open, so a new conversation starts with its greeting.
        if (state === 2 && !joined) {
          joined = true;
          setTimeout(() => store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language } } }), 0);
        }
        // e.g. its token lapsed while the tab slept: a reload gets a new one (with the key, for the same conversation).
        if ((state === 3 || state === 4) && !((resumed || citizenKey()) && reconnectByReload())) {
          showStatus(text().connectFailed, true);
        }
      }
      // Other page parts (notify.js) watch the same actions; they get the connection for its id and token.
      (window.civicChatHooks || []).forEach((hook) => hook(action, directLine));
      return next(action);
    });
  }

  // Starts over with a new token, unless this tab already did so in the last minute (then false).
  function reconnectByReload() {
    const last = Number(sessionStorage.getItem(RECONNECTED_KEY)) || 0;
    if (Date.now() - last < 60 * 1000) return false;
    sessionStorage.setItem(RECONNECTED_KEY, String(Date.now()));
    sessionStorage.removeItem(SESSION_KEY);
    location.reload();
    return true;
  }

  // Posts a message as if the citizen had sent it from the send box.
  function post(activity) {
    store.dispatch({ type: 'DIRECT_LINE/POST_ACTIVITY', meta: { method: 'keyboard' }, payload: { activity } });
  }

  const hasSpoken = () => store.getState().activities.some((activity) => activity.from && activity.from.role === 'user');

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        locale: LOCALES[language],
        styleOptions: STYLE_OPTIONS,
        // Say what the upload button is for on this page.
        overrideLocalizedStrings: { TEXT_INPUT_UPLOAD_BUTTON_ALT: text().uploadButton },
      },
      chat,
    );
  }

  async function start() {
    applyLanguage();
    if (!window.WebChat) {
      showStatus(text().noWebChat, true);
      return;
    }

    showStatus(text().connecting);
    let opened;
    try {
      opened = await openSession();
    } catch (error) {
      console.warn('Could not get a chat token.', error);
      showStatus(text().connectFailed, true);
      return;
    }

    const { session, resumed } = opened;
    current = session;
    directLine = window.WebChat.createDirectLine({
      domain: DIRECT_LINE,
      token: session.token,
      // Resuming: reconnect to the same conversation; Web Chat shows its transcript again.
      conversationId: resumed ? session.conversationId : undefined,
    });
    store = createStore(resumed);
    render();
    scheduleRefresh();
  }

  // ------------------------------------------------------------------ controls

  languageSelect.addEventListener('change', () => {
    language = TEXT[languageSelect.value] ? languageSelect.value : 'en';
    sessionStorage.setItem(LANGUAGE_KEY, language);
    applyLanguage();
    if (!store) return;
    render(); // same store and connection: the transcript stays; new activities carry the new locale
    // The bot keeps the language a conversation started in until told otherwise ("français" / "english").
    if (hasSpoken()) post({ type: 'message', text: text().switchWord });
  });

  rememberBox.addEventListener('change', () => {
    if (rememberBox.checked) {
      rememberDevice();
    } else {
      forgetDevice();
      showStatus(text().forgotten);
    }
  });

  locationButton.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      showStatus(text().locationUnsupported, true);
      return;
    }

    locationButton.disabled = true;
    showStatus(text().locating);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const latitude = Math.round(coords.latitude * 1e6) / 1e6;
        const longitude = Math.round(coords.longitude * 1e6) / 1e6;
        post({
          type: 'message',
          entities: [{ type: 'GeoCoordinates', latitude, longitude }],
          channelData: { location: { latitude, longitude } },
        });
        locationButton.disabled = false;
        showStatus(text().locationSent);
      },
      (error) => {
        locationButton.disabled = false;
        const t = text();
        showStatus(error.code === error.PERMISSION_DENIED ? t.locationDenied : t.locationUnavailable, true);
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });

  rememberBox.checked = citizenKey() !== null;
  start();
})();
