import { epciCodeSchema, geoSearchSchema } from '@trame/shared';
import { Router } from 'express';
import { HttpError } from '../http/errors.js';
import { requireUser } from '../http/gate.js';
import { parseInput } from '../http/validate.js';
import type { Geography } from './geography.js';

export function geoRoutes(geography: Geography): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/search', (req, res) => {
    const query = parseInput(geoSearchSchema, req.query, req.locale);
    res.json(
      geography.search(query.q, {
        limit: query.limit,
        ...(query.type ? { type: query.type } : {}),
      }),
    );
  });

  router.get('/epci/:code', (req, res) => {
    const code = parseInput(epciCodeSchema, req.params.code, req.locale);
    const epci = geography.epci(code);
    if (!epci) throw new HttpError('unknown_epci', { code });
    res.status(200).json(epci);
  });

  return router;
}
