/** Network settings: the unit's proxy and the update channel (issue 11). */
export default {
  id: {
    title: 'Pengaturan jaringan',
    proxy: {
      label: 'Proxy kantor',
      help: 'Alamat proxy HTTP(S) ke server SIPPT dan ke pembaruan aplikasi, mis. http://proxy.kantor.go.id:8080. Kosongkan bila tanpa proxy.',
    },
    channel: {
      label: 'Saluran pembaruan',
      help: 'Stabil untuk pemakaian sehari-hari; beta untuk mencoba versi baru lebih dulu.',
      stable: 'Stabil (latest)',
      beta: 'Beta',
    },
    appliesWhen: 'Berlaku untuk permintaan berikutnya ke server dan pemeriksaan pembaruan berikutnya.',
    save: 'Simpan',
    cancel: 'Batal',
    saved: 'Pengaturan jaringan disimpan.',
  },
  en: {
    title: 'Network settings',
    proxy: {
      label: 'Office proxy',
      help: 'The HTTP(S) proxy to the SIPPT server and to app updates, e.g. http://proxy.office.go.id:8080. Leave empty for no proxy.',
    },
    channel: {
      label: 'Update channel',
      help: 'Stable for daily work; beta to try new versions first.',
      stable: 'Stable (latest)',
      beta: 'Beta',
    },
    appliesWhen: 'Applies to the next request to the server and the next update check.',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Network settings saved.',
  },
};
