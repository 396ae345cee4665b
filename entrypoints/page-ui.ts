// The page UI the content script imports when the page first needs it (lib/page/page-ui-loader.ts):
// the hover card and its styles, hit-testing, the overlay painter. Built as a script of its own,
// web-accessible (wxt.config.ts), and run in the content script's isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageUiModule } from '@/lib/page/page-ui';
import { providePageUi } from '@/lib/page/page-ui-loader';

export default defineUnlistedScript(() => providePageUi(pageUiModule));
