// Runs in <head> before first paint (see app/layout.tsx): a saved choice wins, otherwise the system
// preference, which is followed live. The toggle stores its choice and fires "themechange"; this
// script is the one place that turns a choice into the `dark` class on <html>.
export const THEME_STORAGE_KEY = "theme";
export const THEME_EVENT = "themechange";

export const themeScript = `(function(){var d=document.documentElement,m=window.matchMedia?window.matchMedia("(prefers-color-scheme: dark)"):null;function a(){var t=null;try{t=localStorage.getItem("${THEME_STORAGE_KEY}")}catch(e){}d.classList.toggle("dark",t==="dark"||(t!=="light"&&!!m&&m.matches))}a();if(m&&m.addEventListener)m.addEventListener("change",a);window.addEventListener("${THEME_EVENT}",a);window.addEventListener("storage",a)})()`;
